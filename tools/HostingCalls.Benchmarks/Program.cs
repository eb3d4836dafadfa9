using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text.Json;
using Azure.Data.Tables;
using HostingCalls.Benchmarks;
using HostingCalls.Core.Audit;
using HostingCalls.Core.Calls;
using HostingCalls.Core.Invitations;
using HostingCalls.Core.Judging;
using HostingCalls.Core.Notifications;
using HostingCalls.Core.Offers;
using HostingCalls.Functions.Storage;
using HostingCalls.InProcess;
using Microsoft.Azure.Functions.Worker;

// Side-by-side figures in one run, one name=value line each. --quick: smaller counts, under a minute.
// --only rank,close,notify,intake: those figures alone (notify needs the closed call, so it closes one too).
var quick = args.Contains("--quick");
var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault()?.Split(',');
bool Runs(string figure) => only is null || only.Contains(figure) || (figure == "close" && only.Contains("notify"));
using var requests = new StorageRequests();
const int InFlight = 16;
var intakeCount = quick ? 300 : 3000;
const int IntakeRounds = 3;
var intakeWarmUp = quick ? 100 : 500;
var closeCount = quick ? 500 : 10_000;
var rankCount = 100_000;
Console.WriteLine($"# {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}{(quick ? ", --quick" : "")}");
Console.WriteLine($"# intake {intakeCount} offers, close and notify {closeCount}, rank {rankCount}, {InFlight} requests in flight");

// rank_100k: judging and exact assignment alone, in memory.
if (Runs("rank"))
{
    var call = SampleCall(DateTimeOffset.UtcNow);
    var offers = SyntheticOffers.For(call, rankCount);
    var none = new Dictionary<string, ReviewTally>();
    Ranking Rank() => Judge.Rank(call, offers, none, call.Weights, call.Rules, new RankingStamp(1, DateTimeOffset.UtcNow, RankingReason.Closed, 0));
    Rank(); // warm up
    var times = new List<double>();
    long allocated = 0;
    for (var run = 0; run < 3; run++)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        Rank();
        times.Add(watch.Elapsed.TotalMilliseconds);
        allocated = Math.Max(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    Print("rank_100k_ms", times.Order().ElementAt(1));
    Print("rank_100k_mb", allocated / 1048576.0);
}

// intake: offers accepted per second through the submit function, against raw AddEntity, both with 16 in flight,
// each after a warm-up of its own (the first requests pay for JIT, connections and Azurite's own JIT).
if (Runs("intake"))
{
    await using var fresh = await FreshApp.StartAsync();
    var app = fresh.App;
    var table = app.Storage.Tables.GetTableClient("benchmarkraw");
    await table.CreateIfNotExistsAsync();
    Task AddRaw(string partition, int i) => table.AddEntityAsync(new TableEntity(partition, i.ToString("D6", CultureInfo.InvariantCulture)) { ["Data"] = new string('x', 1500) });
    var body = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "unhabitat-2023-offers.json"));
    var offer = JsonDocument.Parse(body).RootElement.GetProperty("offers")[0].GetProperty("offer").GetRawText();
    var states = HostingCalls.Core.MemberStates.MemberStateDirectory.All.Select(s => s.Code).ToArray();
    var failed = 0;
    async Task SubmitAsync(string callId, int i)
    {
        var response = await app.SendAsync(LocalRequest.Raw("POST", offer).As($"member-state {states[i % states.Length]}").With("Idempotency-Key", $"k{i}"), r => app.Offers.SubmitOffer(r, callId, default));
        if (response.Status != 201)
        {
            Interlocked.Increment(ref failed);
        }
    }

    // Warm up until the JIT has settled: the first thousands of requests have the hot paths compiled again, optimized.
    var warmUpCall = await OpenFreshCallAsync(app);
    for (var (round, jit) = (0, TimeSpan.MaxValue); round < 10 && jit > TimeSpan.FromMilliseconds(50); round++)
    {
        var before = JitInfo.GetCompilationTime();
        var first = round * intakeWarmUp;
        await Measure.InFlightAsync(intakeWarmUp, InFlight, i => AddRaw("warm-up", first + i));
        await Measure.InFlightAsync(intakeWarmUp, InFlight, i => SubmitAsync(warmUpCall, first + i));
        jit = JitInfo.GetCompilationTime() - before;
    }

    var intakeCall = await OpenFreshCallAsync(app);
    var jitBefore = JitInfo.GetCompilationTime();

    // Rounds of each in turn, so that drift (GC, the tables' growth) falls on both alike.
    var (rawTime, submitTime, submitRequests) = (TimeSpan.Zero, TimeSpan.Zero, 0L);
    var (rawCpu, submitCpu) = ((App: TimeSpan.Zero, Azurite: TimeSpan.Zero), (App: TimeSpan.Zero, Azurite: TimeSpan.Zero));
    var perRound = intakeCount / IntakeRounds;
    for (var round = 0; round < IntakeRounds; round++)
    {
        var first = round * perRound;
        var rawStart = ProcessorTime.Now();
        rawTime += await Measure.InFlightAsync(perRound, InFlight, i => AddRaw("raw", first + i));
        var rawEnd = ProcessorTime.Now();
        var (submitStart, before) = (ProcessorTime.Now(), requests.Count);
        submitTime += await Measure.InFlightAsync(perRound, InFlight, i => SubmitAsync(intakeCall, first + i));
        var submitEnd = ProcessorTime.Now();
        submitRequests += requests.Count - before;
        rawCpu = (rawCpu.App + rawEnd.App - rawStart.App, rawCpu.Azurite + rawEnd.Azurite - rawStart.Azurite);
        submitCpu = (submitCpu.App + submitEnd.App - submitStart.App, submitCpu.Azurite + submitEnd.Azurite - submitStart.Azurite);
    }

    Check(failed == 0, $"{failed} submissions failed");
    Print("intake_offers_per_s", intakeCount / submitTime.TotalSeconds);
    Print("intake_raw_adds_per_s", intakeCount / rawTime.TotalSeconds);
    Print("intake_requests_per_offer", submitRequests / (double)intakeCount);
    Print("intake_cpu_ms_per_offer_app", submitCpu.App.TotalMilliseconds / intakeCount);
    Print("intake_cpu_ms_per_offer_azurite", submitCpu.Azurite.TotalMilliseconds / intakeCount);
    Print("intake_raw_cpu_ms_per_add_app", rawCpu.App.TotalMilliseconds / intakeCount);
    Print("intake_raw_cpu_ms_per_add_azurite", rawCpu.Azurite.TotalMilliseconds / intakeCount);
    Print("intake_jit_ms", (JitInfo.GetCompilationTime() - jitBefore).TotalMilliseconds);
    Print("intake_ratio", rawTime / submitTime);
}

// close_10k: close and rank a call of N offers, against merely reading those offers.
var bigCall = "";
var (rawQueueTime, rawQueueCpu) = (TimeSpan.Zero, (App: TimeSpan.Zero, Azurite: TimeSpan.Zero));
await using var closing = Runs("close") ? await FreshApp.StartAsync() : null;
if (closing is not null)
{
    var app = closing.App;
    if (Runs("notify"))
    {
        // notify's baseline first, while this Azurite is still empty (a full one is slower, and would favour the
        // app), after a warm-up of its own: raw sends of as many messages as there will be emails.
        var raw = app.Storage.Queues.GetQueueClient("benchmark-raw");
        await raw.CreateIfNotExistsAsync();
        var message = JsonSerializer.Serialize(new NotificationMessage(Guid.NewGuid().ToString("N"), "x"));
        await Measure.InFlightAsync(1000, InFlight, _ => raw.SendMessageAsync(message));
        var rawStart = ProcessorTime.Now();
        rawQueueTime = await Measure.InFlightAsync(closeCount + 1, InFlight, _ => raw.SendMessageAsync(message));
        var rawEnd = ProcessorTime.Now();
        rawQueueCpu = (rawEnd.App - rawStart.App, rawEnd.Azurite - rawStart.Azurite);
        await raw.DeleteAsync();
    }

    bigCall = await app.OpenSampleCallAsync();
    var stored = (await app.Service<ICallStore>().FindAsync(bigCall, default))!.Value;
    var store = app.Service<IOfferStore>();
    var offers = SyntheticOffers.For(stored, closeCount);
    await Measure.InFlightAsync(offers.Count, InFlight, i => store.AddAsync(offers[i], null, Notification.About(offers[i], NotificationKind.Receipt, offers[i].SubmittedAt) with { Status = NotificationStatus.Sent }, AuditEntries.OfferSubmitted(offers[i], AuditActor.MemberState(offers[i].MemberState), app.Clock), default));
    // Each state invited (its email already sent): results go only to the addresses recorded on invitations.
    var invitations = SyntheticOffers.InvitationsFor(stored, offers);
    await Measure.InFlightAsync(invitations.Count, InFlight, i => app.Service<IInvitationStore>().AddAsync(invitations[i],
        Notification.AboutInvitation(invitations[i], stored.OpensAt) with { Status = NotificationStatus.Sent }, AuditEntries.InvitationChanged(invitations[i], AuditActor.System("benchmark"), app.Clock), default));
    var read = await Measure.TimeAsync(() => store.ListAsync(bigCall, null, default));
    app.Clock.SetUtcNow(LocalApp.AfterTheDeadline);
    var close = await Measure.TimeAsync(() => app.ClosingTimer.CloseAndRankCalls(new TimerInfo(), default));
    var ranked = (await app.Service<ICallStore>().FindAsync(bigCall, default))!.Value;
    Check(ranked.Status == CallStatus.Ranked, "the big call was not ranked");
    Print("close_10k_read_ms", read.TotalMilliseconds);
    Print("close_10k_ms", close.TotalMilliseconds);
    Print("close_10k_ratio", close / read);
}

// notify_10k: release the results of that call and send every email to the local SendGrid, against raw queue sends.
if (Runs("notify") && closing is not null)
{
    var (app, sendGrid) = (closing.App, closing.SendGrid);
    var call = await app.SendAsync(LocalRequest.Get().As(LocalApp.Secretariat), r => app.Calls.GetCall(r, bigCall, default));
    (await app.SendAsync(LocalRequest.Post(new { rankingVersion = 1 }).As(LocalApp.Secretariat).IfMatch(call.ETag!), r => app.Decisions.DecideCall(r, bigCall, default))).Expect(200, "decide");
    await app.NotificationsQueue.ClearMessagesAsync();
    app.Clock.SetUtcNow(DateTimeOffset.Parse("2023-11-30T09:00:00+03:00", CultureInfo.InvariantCulture));
    var (before, cpu) = (requests.Count, ProcessorTime.Now());
    var fanOut = await Measure.TimeAsync(() => app.ResultsTimer.ReleaseResults(new TimerInfo(), default));
    var fanOutRequests = requests.Count - before;
    var send = await Measure.TimeAsync(() => DrainInFlightAsync(app, InFlight));
    var sendRequests = requests.Count - before - fanOutRequests;
    var notifyCpu = ProcessorTime.Now();
    var emails = sendGrid.Accepted.Where(e => e.CallId == bigCall).ToList();
    Check(emails.Count == closeCount + 1, $"{emails.Count} emails for {closeCount} offers and the summary");
    Print("notify_10k_fanout_ms", fanOut.TotalMilliseconds);
    Print("notify_10k_send_ms", send.TotalMilliseconds);
    Print("notify_10k_raw_queue_ms", rawQueueTime.TotalMilliseconds);
    Print("notify_10k_fanout_requests_per_email", fanOutRequests / (double)(closeCount + 1));
    Print("notify_10k_send_requests_per_email", sendRequests / (double)(closeCount + 1));
    Print("notify_10k_cpu_s_app", (notifyCpu.App - cpu.App).TotalSeconds);
    Print("notify_10k_cpu_s_azurite", (notifyCpu.Azurite - cpu.Azurite).TotalSeconds);
    Print("notify_10k_raw_cpu_s_app", rawQueueCpu.App.TotalSeconds);
    Print("notify_10k_raw_cpu_s_azurite", rawQueueCpu.Azurite.TotalSeconds);
    Print("notify_10k_ratio", rawQueueTime / (fanOut + send));
    Print("notify_duplicates", emails.Count - emails.Select(e => e.NotificationId).Distinct().Count());
}

return 0;

static Call SampleCall(DateTimeOffset now)
{
    var input = JsonSerializer.Deserialize<CallInput>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "unhabitat-2023-call.json")), HostingCalls.Core.Common.ApiJson.Options)!;
    return CallRules.Apply(input, Call.NewDraft("0190c0de00007000800000000000c411", "benchmark", now)) with { Status = CallStatus.Closed };
}

// A call like the sample whose deadline is still ahead on the app's clock (the first one is closed by now).
static async Task<string> OpenFreshCallAsync(LocalApp app)
{
    var json = JsonSerializer.Deserialize<Dictionary<string, object>>(LocalApp.SampleCallJson())!;
    json["opensAt"] = app.Clock.GetUtcNow().AddMinutes(-1);
    json["deadline"] = app.Clock.GetUtcNow().AddDays(30);
    json["resultsDate"] = app.Clock.GetUtcNow().AddDays(60);
    var created = (await app.SendAsync(LocalRequest.Raw("POST", JsonSerializer.Serialize(json)).As(LocalApp.Secretariat), r => app.Calls.CreateCall(r, default))).Expect(201, "create a call");
    (await app.SendAsync(LocalRequest.Post().As(LocalApp.Secretariat).IfMatch(created.ETag!), r => app.Calls.OpenCall(r, created.Id, default))).Expect(200, "open it");
    return created.Id;
}

// The queue delivered as the Functions host does on one instance (host.json defaults): up to 16 messages fetched at
// once and handled together, and more fetched as soon as only 8 are left in hand.
static async Task DrainInFlightAsync(LocalApp app, int batchSize)
{
    var inHand = new List<Task>();
    while (true)
    {
        var batch = (await app.NotificationsQueue.ReceiveMessagesAsync(batchSize, TimeSpan.FromMinutes(5))).Value;
        if (batch.Length == 0 && inHand.Count == 0)
        {
            return;
        }

        inHand.AddRange(batch.Select(async message =>
        {
            await app.QueueFunctions.SendNotification(message.Body.ToString(), default);
            await app.NotificationsQueue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        }));
        do
        {
            var done = await Task.WhenAny(inHand);
            await done;
            inHand.Remove(done);
        }
        while (inHand.Count > batchSize / 2);
    }
}

static void Print(string name, double value) => Console.WriteLine(FormattableString.Invariant($"{name}={value:0.###}"));

static void Check(bool condition, string failure)
{
    if (!condition)
    {
        throw new InvalidOperationException(failure);
    }
}
