using System.Text.Json;
using Azure.Storage.Queues;
using HostingCalls.Core.Common;
using HostingCalls.Core.Notifications;
using HostingCalls.Functions;
using HostingCalls.Functions.Http;
using HostingCalls.Functions.Storage;
using HostingCalls.Functions.Timers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HostingCalls.IntegrationTests.Support;

/// <summary>
/// The app's real service graph (<see cref="HostingCallsServices"/>) on Azurite, with a clock the test moves.
/// Function classes are called directly with real HTTP requests, and their results executed into real responses.
/// </summary>
public sealed class HostingCallsApp : IAsyncDisposable
{
    /// <summary>While the 2023 call is open: after 15 September, before 31 October 2023.</summary>
    public static readonly DateTimeOffset DuringTheCall = DateTimeOffset.Parse("2023-10-02T08:00:00Z");

    private readonly ServiceProvider _services;

    private HostingCallsApp(ServiceProvider services, FakeTimeProvider clock)
    {
        _services = services;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    public StorageClients Storage => _services.GetRequiredService<StorageClients>();

    public CallFunctions Calls => _services.GetRequiredService<CallFunctions>();

    public OfferFunctions Offers => _services.GetRequiredService<OfferFunctions>();

    public AttachmentFunctions Attachments => _services.GetRequiredService<AttachmentFunctions>();

    public NotificationOutboxTimer OutboxTimer => _services.GetRequiredService<NotificationOutboxTimer>();

    public QueueClient NotificationsQueue => Storage.Queues.GetQueueClient(StorageNames.NotificationsQueue);

    public static async Task<HostingCallsApp> StartAsync(string connectionString, IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [AppSettingNames.Storage] = connectionString,
                ["DevelopmentCaller:Enabled"] = "true",
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var clock = new FakeTimeProvider(DuringTheCall);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(clock)
            .AddHostingCalls(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await services.GetRequiredService<StorageClients>().EnsureCreatedAsync(CancellationToken.None);
        return new HostingCallsApp(services, clock);
    }

    public async Task<TestResponse> SendAsync(TestRequest request, Func<HttpRequest, Task<IActionResult>> function)
    {
        var context = request.ToHttpContext(_services);
        var result = await function(context.Request);
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        var body = (MemoryStream)context.Response.Body;
        return new TestResponse(context.Response.StatusCode, context.Response.Headers, body.ToArray());
    }

    /// <summary>The 2023 sample call, created and opened by the secretariat; returns its id.</summary>
    public async Task<string> OpenSampleCallAsync()
    {
        var created = await SendAsync(TestRequest.Raw("POST", SampleCallJson()).As(Callers.Secretariat), r => Calls.CreateCall(r, default));
        Assert.Equal(201, created.Status);
        var opened = await SendAsync(TestRequest.Post().As(Callers.Secretariat).IfMatch(created.ETag!), r => Calls.OpenCall(r, created.Id, default));
        Assert.Equal(200, opened.Status);
        return created.Id;
    }

    public static string SampleCallJson() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "unhabitat-2023-call.json"));

    /// <summary>Every message now on the notifications queue (read, then left to reappear).</summary>
    public async Task<List<NotificationMessage>> QueuedNotificationsAsync()
    {
        var messages = new List<NotificationMessage>();
        var received = await NotificationsQueue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(1));
        while (received.Value.Length > 0)
        {
            messages.AddRange(received.Value.Select(m => JsonSerializer.Deserialize<NotificationMessage>(m.Body.ToString(), ApiJson.Options)!));
            received = await NotificationsQueue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(1));
        }

        return messages;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
