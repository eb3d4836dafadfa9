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
    public void The_sample_signing_key_is_refused_on_an_Azure_site_under_any_key_id_and_accepted_locally()
    {
        var sample = SampleSetting("MemberStateTokens__SigningKeys");
        var sampleKey = sample.Split(':', 2)[1];
        Assert.Equal(HostingCallsServices.SampleSigningKey, sampleKey);
        var own = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

        foreach (var setting in new[] { sample, $"prod-1:{own};old:{sampleKey}" })
        {
            var exception = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddHostingCalls(Settings(setting, azure: true)));
            Assert.Contains("MemberStateTokens__SigningKeys", exception.Message);
            Assert.DoesNotContain(sampleKey, exception.Message);
        }

        Assert.NotNull(new ServiceCollection().AddHostingCalls(Settings(sample, azure: false)));
        Assert.NotNull(new ServiceCollection().AddHostingCalls(Settings($"prod-1:{own}", azure: true)));
    }

    private static IConfiguration Settings(string signingKeys, bool azure) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HostingCallsStorage"] = "UseDevelopmentStorage=true",
            ["MemberStateTokens:SigningKeys"] = signingKeys,
            ["WEBSITE_SITE_NAME"] = azure ? "func-hostingcalls-prod" : null,
            ["Secretariat:TenantId"] = "72f988bf-86f1-41af-91ab-2d7cd011db47",
            ["Secretariat:ClientId"] = "5a3f4b1c-8d2e-4f60-9a7b-1c2d3e4f5a6b",
        }).Build();

    private static string SampleSetting(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "local.settings.sample.json")))
        {
            directory = directory.Parent;
        }

        using var sample = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(directory!.FullName, "local.settings.sample.json")));
        return sample.RootElement.GetProperty("Values").GetProperty(name).GetString()!;
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

    [Theory]
    [InlineData(null, null)]
    [InlineData("not-a-guid", "5a3f4b1c-8d2e-4f60-9a7b-1c2d3e4f5a6b")]
    [InlineData("72f988bf-86f1-41af-91ab-2d7cd011db47", "")]
    public void An_Azure_site_without_the_staff_tenant_and_client_id_refuses_to_start(string? tenant, string? client)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HostingCallsStorage"] = "UseDevelopmentStorage=true",
            ["WEBSITE_SITE_NAME"] = "func-hostingcalls-prod",
            ["Secretariat:TenantId"] = tenant,
            ["Secretariat:ClientId"] = client,
        }).Build();

        var exception = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddHostingCalls(configuration));
        Assert.Contains("Secretariat__TenantId", exception.Message);
    }

    [Fact]
    public void An_authority_that_is_not_https_is_refused()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HostingCallsStorage"] = "UseDevelopmentStorage=true",
            ["Secretariat:Instance"] = "http://login.example.org/",
        }).Build();

        var exception = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddHostingCalls(configuration));
        Assert.Contains("Secretariat__Instance", exception.Message);
    }
}
