using System.Security.Cryptography;
using System.Text;
using HostingCalls.Core.Notifications;
using HostingCalls.IntegrationTests.Support;
using Xunit.Abstractions;
using Planned = HostingCalls.InProcess.SendGridCapture.Planned;

namespace HostingCalls.IntegrationTests.Queues;

[Collection(nameof(AzuriteCollection))]
public sealed class NotificationSendingTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private ResultsScenario _scenario = null!;

    private LocalApp App => _scenario.App;

    private string FranceSelected => $"{_scenario.Offers["FRA EGM-1"]}-selected-1";

    private string GermanyReserve => $"{_scenario.Offers["DEU EGM-1"]}-reserve-1";

    public async Task InitializeAsync()
    {
        _scenario = await ResultsScenario.StartAsync(azurite.ConnectionString, sendGridTimeoutSeconds: 1);
        await _scenario.DecideAndReleaseAsync();
    }

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    private async Task<string> StatusAsync(string notificationId) => (await _scenario.LedgerAsync())[notificationId].GetString("Status");

    /// <summary>Delivers one notification's message, as the queue would; false when the run threw for a retry.</summary>
    private async Task<bool> DeliverAsync(string notificationId)
    {
        try
        {
            await App.QueueFunctions.SendNotification($$"""{"callId":"{{_scenario.CallId}}","notificationId":"{{notificationId}}"}""", default);
            return true;
        }
        catch (NotificationRetryException)
        {
            return false;
        }
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task SendGrid_down_for_a_while_then_up_sends_every_email_exactly_once()
    {
        _scenario.SendGrid.Plan(Planned.Unavailable, Planned.Unavailable, Planned.Unavailable);

        // One message carries all seven: its first delivery fails for three of them, the second sends those three alone.
        var failedRuns = await App.SendingPump.DrainAsync();
        Figures.Print(output, "sendgrid_down_then_up", ("notifications", 7), ("answered_503", 3), ("failed_runs", failedRuns), ("requests", _scenario.SendGrid.Requests),
            ("emails", _scenario.Emails.Count), ("duplicates", _scenario.Emails.Count - _scenario.Emails.Select(e => e.NotificationId).Distinct().Count()));
        Assert.Equal(1, failedRuns);

        Assert.Equal(7, _scenario.Emails.Count);
        Assert.Equal(7, _scenario.Emails.Select(e => e.NotificationId).Distinct().Count());
        Assert.All((await _scenario.LedgerAsync()).Where(r => !r.Key.Contains("-receipt-", StringComparison.Ordinal)), r => Assert.Equal("Sent", r.Value.GetString("Status")));
        Assert.Equal(10, _scenario.SendGrid.Requests);
    }

    [Fact]
    public async Task A_batch_message_naming_a_notification_twice_sends_it_once()
    {
        await _scenario.ClearQueuesAsync();
        var results = (await _scenario.LedgerAsync()).Keys.Where(k => !k.Contains("-receipt-", StringComparison.Ordinal)).ToList();
        var ids = results.Concat(results.Take(3));

        await App.QueueFunctions.SendNotification($$"""{"callId":"{{_scenario.CallId}}","notificationIds":[{{string.Join(',', ids.Select(id => $"\"{id}\""))}}]}""", default);

        Assert.Equal(results.Order(StringComparer.Ordinal), _scenario.Emails.Select(e => e.NotificationId).Order(StringComparer.Ordinal));
        var ledger = await _scenario.LedgerAsync();
        Assert.All(results, id => Assert.Equal(("Sent", 1), (ledger[id].GetString("Status"), ledger[id].GetInt32("Attempts"))));
    }

    [Fact]
    public async Task A_batch_message_sends_only_those_of_it_not_sent_yet_and_ignores_ids_not_recorded()
    {
        await _scenario.ClearQueuesAsync();
        Assert.True(await DeliverAsync(FranceSelected));
        var results = (await _scenario.LedgerAsync()).Keys.Where(k => !k.Contains("-receipt-", StringComparison.Ordinal)).ToList();
        // More than a few ids, so the rows are read by one range; three of them were never recorded.
        var ids = results.Concat(["0190c0de000070008000000000000000-selected-1", "ffffffffffff7000800000000000ffff-reserve-1", $"{_scenario.Offers["KEN EGM-1"]}-revision-9"]);

        await App.QueueFunctions.SendNotification($$"""{"callId":"{{_scenario.CallId}}","notificationIds":[{{string.Join(',', ids.Select(id => $"\"{id}\""))}}]}""", default);

        Assert.Equal(7, _scenario.Emails.Count);
        Assert.Equal(results.Order(StringComparer.Ordinal), _scenario.Emails.Select(e => e.NotificationId).Order(StringComparer.Ordinal));
        var ledger = await _scenario.LedgerAsync();
        Assert.All(results, id => Assert.Equal(("Sent", 1), (ledger[id].GetString("Status"), ledger[id].GetInt32("Attempts"))));
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task A_rate_limit_waits_for_its_reset_before_the_message_goes_back_to_the_queue()
    {
        await _scenario.ClearQueuesAsync();
        _scenario.SendGrid.Plan(Planned.RateLimited(App.Clock.GetUtcNow().AddSeconds(20)));

        var first = DeliverAsync(FranceSelected);
        await Task.Delay(300);
        var waiting = !first.IsCompleted;
        Assert.True(waiting, "it waits for the reset");
        Assert.Equal("Queued", await StatusAsync(FranceSelected));
        App.Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.False(await first);

        Assert.True(await DeliverAsync(FranceSelected));
        Figures.Print(output, "sendgrid_rate_limited", ("reset_seconds", 20), ("waited_for_reset", waiting), ("requests", _scenario.SendGrid.Requests), ("emails", _scenario.Emails.Count));
        Assert.Equal("Sent", await StatusAsync(FranceSelected));
        Assert.Single(_scenario.Emails);
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task A_permanent_refusal_is_recorded_failed_and_not_retried()
    {
        await _scenario.ClearQueuesAsync();
        _scenario.SendGrid.Plan(Planned.BadRequest);

        Assert.True(await DeliverAsync(FranceSelected));
        Assert.True(await DeliverAsync(FranceSelected));

        var row = (await _scenario.LedgerAsync())[FranceSelected];
        Figures.Print(output, "sendgrid_permanent_400", ("deliveries", 2), ("requests", _scenario.SendGrid.Requests), ("status", row.GetString("Status")));
        Assert.Equal("Failed", row.GetString("Status"));
        Assert.Contains("SendGrid refused it (400)", row.GetString("LastError"), StringComparison.Ordinal);
        Assert.Equal(1, _scenario.SendGrid.Requests);
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task A_message_that_keeps_failing_lands_in_the_poison_queue_is_recorded_failed_the_secretariat_is_told_and_it_can_be_re_driven()
    {
        await _scenario.ClearQueuesAsync();
        await App.NotificationsQueue.SendMessageAsync($$"""{"callId":"{{_scenario.CallId}}","notificationId":"{{GermanyReserve}}"}""");
        _scenario.SendGrid.Plan([.. Enumerable.Repeat(Planned.Unavailable, QueuePump.MaxDequeueCount)]);

        Assert.Equal(QueuePump.MaxDequeueCount, await App.SendingPump.DrainAsync());
        Assert.Equal(0, await App.PoisonPump.DrainAsync());

        var failed = (await _scenario.LedgerAsync())[GermanyReserve];
        Assert.Equal(("Failed", 5), (failed.GetString("Status"), failed.GetInt32("Attempts")));
        Assert.StartsWith("Gave up after 5 attempts: SendGrid answered 503", failed.GetString("LastError"), StringComparison.Ordinal);
        await App.SendingPump.DrainAsync();
        var alert = Assert.Single(_scenario.Emails, e => e.To == ResultsScenario.SecretariatEmail);
        Assert.Contains(GermanyReserve, alert.Text, StringComparison.Ordinal);

        var list = await App.SendAsync(LocalRequest.Get().As(Callers.Secretariat), r => App.Notifications.ListNotifications(r, _scenario.CallId, default));
        var etag = list.Json.EnumerateArray().Single(n => n.GetProperty("id").GetString() == GermanyReserve).GetProperty("etag").GetString()!;
        Assert.Equal(403, (await Redrive(Callers.France, etag)).Status);
        var traversal = await App.SendAsync(LocalRequest.Post().As(Callers.Secretariat).IfMatch(etag), r => App.Notifications.RedriveNotification(r, _scenario.CallId, "../x/#?", default));
        Assert.Equal(404, traversal.Status);
        Assert.Equal(428, (await Redrive(Callers.Secretariat, null)).Status);
        var redriven = await Redrive(Callers.Secretariat, etag);
        Assert.Equal((202, "Queued"), (redriven.Status, redriven.Json.GetProperty("status").GetString()));
        Assert.Equal(409, (await Redrive(Callers.Secretariat, redriven.ETag)).Status);

        Assert.Equal(0, await App.SendingPump.DrainAsync());
        Figures.Print(output, "sendgrid_poison_and_redrive", ("attempts_before_poison", failed.GetInt32("Attempts") ?? 0),
            ("alerts_to_secretariat", _scenario.Emails.Count(e => e.To == ResultsScenario.SecretariatEmail && e.Text.Contains(GermanyReserve, StringComparison.Ordinal))),
            ("status_after_redrive", await StatusAsync(GermanyReserve)), ("emails", _scenario.Emails.Count(e => e.NotificationId == GermanyReserve)));
        Assert.Equal("Sent", await StatusAsync(GermanyReserve));
        Assert.Single(_scenario.Emails, e => e.NotificationId == GermanyReserve);
    }

    [Fact]
    public async Task A_send_that_stopped_after_SendGrid_took_it_is_never_sent_again_and_the_processed_event_settles_it()
    {
        await _scenario.ClearQueuesAsync();
        _scenario.SendGrid.Plan(Planned.Slow(TimeSpan.FromSeconds(3)));

        // SendGrid takes it but answers after our 1 s timeout: we cannot know, so the run ends and the row stays Sending.
        Assert.False(await DeliverAsync(FranceSelected));
        Assert.Equal("Sending", await StatusAsync(FranceSelected));

        // The queue delivers it again: it is marked Unconfirmed, not sent a second time.
        Assert.True(await DeliverAsync(FranceSelected));
        Assert.True(await DeliverAsync(FranceSelected));
        Assert.Equal("Unconfirmed", await StatusAsync(FranceSelected));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(1, _scenario.SendGrid.Requests);

        // SendGrid's processed event proves it was accepted.
        var events = await PostEventsAsync($$"""[{"email":"fp@diplomatie.example","timestamp":{{App.Clock.GetUtcNow().ToUnixTimeSeconds()}},"event":"processed","sg_event_id":"ev-1","sg_message_id":"m-1","callId":"{{_scenario.CallId}}","notificationId":"{{FranceSelected}}"}]""");
        Assert.Equal(204, events.Status);
        Assert.Equal("Sent", await StatusAsync(FranceSelected));
    }

    [Fact]
    public async Task Delivery_events_move_notifications_a_forged_request_gets_401_and_a_replay_changes_nothing()
    {
        await App.SendingPump.DrainAsync();
        var now = App.Clock.GetUtcNow().ToUnixTimeSeconds();
        var body = $$"""
            [{"email":"fp@diplomatie.example","timestamp":{{now}},"event":"delivered","sg_event_id":"ev-d1","callId":"{{_scenario.CallId}}","notificationId":"{{FranceSelected}}"},
             {"email":"fp@auswaertiges-amt.example","timestamp":{{now}},"event":"bounce","type":"bounce","reason":"550 5.1.1 mailbox unknown","sg_event_id":"ev-b1","callId":"{{_scenario.CallId}}","notificationId":"{{GermanyReserve}}"},
             {"email":"someone@else.example","timestamp":{{now}},"event":"open","sg_event_id":"ev-o1"}]
            """;

        Assert.Equal(401, (await PostEventsAsync(body, tamper: true)).Status);
        Assert.Equal(401, (await App.SendAsync(LocalRequest.Raw("POST", body), r => App.Notifications.ReceiveSendGridEvents(r, default))).Status);
        Assert.Equal(("Sent", "Sent"), (await StatusAsync(FranceSelected), await StatusAsync(GermanyReserve)));

        var (good, request) = await PostEventsWithRequestAsync(body);
        Assert.Equal(204, good.Status);
        Assert.Equal(("Delivered", "Bounced"), (await StatusAsync(FranceSelected), await StatusAsync(GermanyReserve)));
        Assert.Equal("550 5.1.1 mailbox unknown", (await _scenario.LedgerAsync())[GermanyReserve].GetString("LastError"));

        // SendGrid retries what it thinks failed: a repeat is answered as done and changes nothing.
        var ledgerBefore = await _scenario.LedgerAsync();
        Assert.Equal(204, (await App.SendAsync(request, r => App.Notifications.ReceiveSendGridEvents(r, default))).Status);
        Assert.Equal(ledgerBefore.ToDictionary(r => r.Key, r => r.Value.ETag), (await _scenario.LedgerAsync()).ToDictionary(r => r.Key, r => r.Value.ETag));
        App.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(401, (await PostEventsAsync(body, timestamp: now)).Status);
    }

    private Task<LocalResponse> Redrive(string caller, string? etag)
    {
        var request = LocalRequest.Post().As(caller);
        return App.SendAsync(etag is null ? request : request.IfMatch(etag), r => App.Notifications.RedriveNotification(r, _scenario.CallId, GermanyReserve, default));
    }

    private async Task<LocalResponse> PostEventsAsync(string body, bool tamper = false, long? timestamp = null) =>
        (await PostEventsWithRequestAsync(body, tamper, timestamp)).Response;

    /// <summary>Signs timestamp + body with the webhook key, as SendGrid does, and posts it (tampered after signing, if asked).</summary>
    private async Task<(LocalResponse Response, LocalRequest Request)> PostEventsWithRequestAsync(string body, bool tamper = false, long? timestamp = null)
    {
        var stamp = (timestamp ?? App.Clock.GetUtcNow().ToUnixTimeSeconds()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = _scenario.WebhookKey.SignData(Encoding.UTF8.GetBytes(stamp + body), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        var request = LocalRequest.Raw("POST", tamper ? body.Replace("delivered", "dropped", StringComparison.Ordinal) : body)
            .With("X-Twilio-Email-Event-Webhook-Signature", Convert.ToBase64String(signature))
            .With("X-Twilio-Email-Event-Webhook-Timestamp", stamp);
        return (await App.SendAsync(request, r => App.Notifications.ReceiveSendGridEvents(r, default)), request);
    }
}
