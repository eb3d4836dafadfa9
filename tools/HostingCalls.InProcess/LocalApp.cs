using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using HostingCalls.Core.Common;
using HostingCalls.Core.Notifications;
using HostingCalls.Functions;
using HostingCalls.Functions.Http;
using HostingCalls.Functions.Queues;
using HostingCalls.Functions.Storage;
using HostingCalls.Functions.Timers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HostingCalls.InProcess;

/// <summary>
/// The app's real service graph (<see cref="HostingCallsServices"/>) on Azurite, with a clock the test moves.
/// Function classes are called directly with real HTTP requests, and their results executed into real responses.
/// </summary>
public sealed class LocalApp : IAsyncDisposable
{
    /// <summary>While the 2023 call is open: after 15 September, before 31 October 2023.</summary>
    public static readonly DateTimeOffset DuringTheCall = DateTimeOffset.Parse("2023-10-02T08:00:00Z");

    /// <summary>Three minutes after the 2023 deadline (31 October, 23:59:59 in Nairobi).</summary>
    public static readonly DateTimeOffset AfterTheDeadline = DateTimeOffset.Parse("2023-10-31T21:03:00Z");

    private readonly ServiceProvider _services;

    private LocalApp(ServiceProvider services, FakeTimeProvider clock, RequestClock requestClock)
    {
        _services = services;
        Clock = clock;
        RequestClock = requestClock;
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>The clock the app reads: <see cref="Clock"/>, or a time of one request's own (<see cref="RequestClock.At"/>).</summary>
    public RequestClock RequestClock { get; }

    public StorageClients Storage => _services.GetRequiredService<StorageClients>();

    public CallFunctions Calls => _services.GetRequiredService<CallFunctions>();

    public OfferFunctions Offers => _services.GetRequiredService<OfferFunctions>();

    public AttachmentFunctions Attachments => _services.GetRequiredService<AttachmentFunctions>();

    public NotificationOutboxTimer OutboxTimer => _services.GetRequiredService<NotificationOutboxTimer>();

    public RankingFunctions Rankings => _services.GetRequiredService<RankingFunctions>();

    public ReviewFunctions Reviews => _services.GetRequiredService<ReviewFunctions>();

    public CallClosingTimer ClosingTimer => _services.GetRequiredService<CallClosingTimer>();

    public DecisionFunctions Decisions => _services.GetRequiredService<DecisionFunctions>();

    public NotificationFunctions Notifications => _services.GetRequiredService<NotificationFunctions>();

    public InvitationFunctions Invitations => _services.GetRequiredService<InvitationFunctions>();

    public ContactFunctions Contacts => _services.GetRequiredService<ContactFunctions>();

    public CallerFunctions Me => _services.GetRequiredService<CallerFunctions>();

    public SessionFunctions Sessions => _services.GetRequiredService<SessionFunctions>();

    public NotificationQueueFunctions QueueFunctions => _services.GetRequiredService<NotificationQueueFunctions>();

    public ResultsTimer ResultsTimer => _services.GetRequiredService<ResultsTimer>();

    public AuditFunctions Audit => _services.GetRequiredService<AuditFunctions>();

    public AuditSealingTimer AuditTimer => _services.GetRequiredService<AuditSealingTimer>();

    public QueueClient PoisonQueue => Storage.Queues.GetQueueClient(StorageNames.NotificationsPoisonQueue);

    /// <summary>Delivers the notifications queue to the sending function, as the Functions host would.</summary>
    public QueuePump SendingPump => new(NotificationsQueue, PoisonQueue, m => QueueFunctions.SendNotification(m, default));

    /// <summary>Delivers the poison queue to the function that records failures.</summary>
    public QueuePump PoisonPump => new(PoisonQueue, Storage.Queues.GetQueueClient("notifications-poison-poison"), m => QueueFunctions.RecordFailedNotification(m, default));

    public T Service<T>() where T : notnull => _services.GetRequiredService<T>();

    public object Service(Type type) => _services.GetRequiredService(type);

    public QueueClient NotificationsQueue => Storage.Queues.GetQueueClient(StorageNames.NotificationsQueue);

    public static async Task<LocalApp> StartAsync(string connectionString, IDictionary<string, string?>? settings = null, DateTimeOffset? now = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [AppSettingNames.Storage] = connectionString,
                ["DevelopmentCaller:Enabled"] = "true",
                ["MemberStateTokens:SigningKeys"] = $"{LocalTokenKeyId}:{LocalTokenKey}",
                ["Invitations:PortalUrl"] = PortalUrl,
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var clock = new FakeTimeProvider(now ?? DuringTheCall);
        var requestClock = new RequestClock(clock);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(requestClock)
            .AddHostingCalls(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await services.GetRequiredService<StorageClients>().EnsureCreatedAsync(CancellationToken.None);
        return new LocalApp(services, clock, requestClock);
    }

    public async Task<LocalResponse> SendAsync(LocalRequest request, Func<HttpRequest, Task<IActionResult>> function)
    {
        var context = request.ToHttpContext(_services);
        var result = await function(context.Request);
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        var body = (MemoryStream)context.Response.Body;
        return new LocalResponse(context.Response.StatusCode, context.Response.Headers, body.ToArray());
    }

    /// <summary>Sends the request to the HTTP function whose route and method match its path (under <c>/api/</c>), or answers 404.</summary>
    public Task<LocalResponse> DispatchAsync(LocalRequest request) =>
        HttpFunctionRoutes.Match(request.Method, request.Path) is var (route, values)
            ? SendAsync(request, r => route.InvokeAsync(_services, r, values))
            : Task.FromResult(new LocalResponse(404, new HeaderDictionary(), []));

    /// <summary>The 2023 sample call, created and opened by the secretariat; returns its id.</summary>
    public async Task<string> OpenSampleCallAsync()
    {
        var created = (await SendAsync(LocalRequest.Raw("POST", SampleCallJson()).As(Secretariat), r => Calls.CreateCall(r, default))).Expect(201, "create the call");
        (await SendAsync(LocalRequest.Post().As(Secretariat).IfMatch(created.ETag!), r => Calls.OpenCall(r, created.Id, default))).Expect(200, "open the call");
        return created.Id;
    }

    /// <summary>The secretariat invites a focal point of <paramref name="memberState"/>; returns the invitation's answer (never a token).</summary>
    public async Task<LocalResponse> InviteAsync(string callId, string memberState, string email, string language = "en", string? name = null, string? permanentMissionEmail = null)
    {
        var body = new Dictionary<string, object?> { ["memberState"] = memberState, ["email"] = email, ["language"] = language, ["name"] = name, ["permanentMissionEmail"] = permanentMissionEmail };
        return (await SendAsync(LocalRequest.Post(body).As(Secretariat), r => Invitations.InviteFocalPoint(r, callId, default)))
            .Expect(201, $"invite a focal point of {memberState}");
    }

    /// <summary>Submits an offer as <paramref name="caller"/> and attaches its official letter; returns the offer id.</summary>
    public Task<string> SubmitWithLetterAsync(string callId, string caller, object offer) =>
        SubmitWithLetterAsync(callId, r => r.As(caller), caller, offer);

    /// <summary>Submits an offer signed in by <paramref name="signIn"/> (a development caller or a focal point's token) and attaches its letter.</summary>
    public async Task<string> SubmitWithLetterAsync(string callId, Func<LocalRequest, LocalRequest> signIn, string caller, object offer)
    {
        var submitted = await SendAsync(signIn(LocalRequest.Post(offer)), r => Offers.SubmitOffer(r, callId, default));
        submitted.Expect(201, $"submit an offer as {caller}");
        var letter = signIn(LocalRequest.File(MinimalPdf)).WithQuery("kind", "OfficialLetter").FileNamed("letter.pdf").IfMatch(submitted.ETag!);
        var attached = await SendAsync(letter, r => Attachments.AddAttachment(r, callId, submitted.Id, default));
        attached.Expect(201, $"attach the official letter as {caller}");
        return submitted.Id;
    }

    /// <summary>Moves the clock past the 2023 call's deadline and its settle time, and runs the closing timer once.</summary>
    public async Task CloseSampleCallsAsync()
    {
        Clock.SetUtcNow(AfterTheDeadline);
        await ClosingTimer.CloseAndRankCalls(new TimerInfo(), default);
    }

    /// <summary>The names of a call's stored ranking snapshots.</summary>
    public async Task<List<string>> RankingSnapshotsAsync(string callId)
    {
        var names = new List<string>();
        var container = Storage.Blobs.GetBlobContainerClient(StorageNames.RankingsContainer);
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, callId + "/", CancellationToken.None))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    /// <summary>A made-up signing key for focal points' tokens, for local runs only (not a secret: it is in the repo).</summary>
    public const string LocalTokenKeyId = "local";

    public const string LocalTokenKey = "bG9jYWwtaW4tcHJvY2Vzcy1rZXktbm90LWEtc2VjcmV0LTAw";

    /// <summary>Where invitation links point in local runs.</summary>
    public const string PortalUrl = "https://portal.hostingcalls.example/";

    /// <summary>The development caller of the secretariat.</summary>
    public const string Secretariat = "secretariat";

    /// <summary>The smallest file the attachment check recognises as a PDF.</summary>
    public static readonly byte[] MinimalPdf = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

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
