using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HostingCalls.Functions.UnitTests;

public class HostingCallsServicesTests
{
    [Fact]
    public void The_development_caller_is_refused_on_an_Azure_site()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HostingCallsStorage"] = "UseDevelopmentStorage=true",
            ["DevelopmentCaller:Enabled"] = "true",
            ["WEBSITE_SITE_NAME"] = "func-hostingcalls-prod",
        }).Build();

        var exception = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddHostingCalls(configuration));
        Assert.Contains("DevelopmentCaller__Enabled", exception.Message);
    }

    [Fact]
    public void Every_function_class_resolves_from_the_graph()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["HostingCallsStorage"] = "UseDevelopmentStorage=true" }).Build();
        using var services = new ServiceCollection().AddLogging().AddHostingCalls(configuration).BuildServiceProvider(validateScopes: true);

        var functionClasses = typeof(HostingCallsServices).Assembly.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.GetCustomAttributes(typeof(Microsoft.Azure.Functions.Worker.FunctionAttribute), false).Length > 0));

        Assert.All(functionClasses, t => Assert.NotNull(services.GetRequiredService(t)));
    }
}
