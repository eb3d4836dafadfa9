using HostingCalls.Core.Decisions;
using HostingCalls.IntegrationTests.Support;
using Microsoft.Azure.Functions.Worker;
using Xunit.Abstractions;

namespace HostingCalls.IntegrationTests.Timers;

[Collection(nameof(AzuriteCollection))]
public sealed class ResultsTimerTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private ResultsScenario _scenario = null!;

    private LocalApp App => _scenario.App;

    public async Task InitializeAsync() => _scenario = await ResultsScenario.StartAsync(azurite.ConnectionString);

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    private async Task<string> CallStatusAsync() =>
        (await App.SendAsync(LocalRequest.Get().As(Callers.Secretariat), r => App.Calls.GetCall(r, _scenario.CallId, default))).Json.GetProperty("status").GetString()!;

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task At_the_results_date_every_offer_gets_one_email_in_its_language_and_the_secretariat_a_summary()
    {
        Assert.Equal(200, (await _scenario.DecideAsync()).Status);
        var receipts = await App.SendingPump.DrainAsync();
        Assert.Equal((0, 6), (receipts, _scenario.Emails.Count));
        var kenyaReceipt = _scenario.Emails.First(e => e.NotificationId == $"{_scenario.Offers["KEN EGM-1"]}-receipt-1");
        Assert.StartsWith("Accusé de réception de votre offre", kenyaReceipt.Subject, StringComparison.Ordinal);

        // Before the results date nothing goes out.
        App.Clock.SetUtcNow(ResultsScenario.ResultsDate.AddMinutes(-1));
        await App.ResultsTimer.ReleaseResults(new TimerInfo(), default);
        Assert.Equal("Decided", await CallStatusAsync());

        // At it: twice in a row, late, and on two instances at once.
        App.Clock.SetUtcNow(ResultsScenario.ResultsDate);
        await using var other = await LocalApp.StartAsync(azurite.ConnectionString);
        other.Clock.SetUtcNow(ResultsScenario.ResultsDate);
        await Task.WhenAll(
            App.ResultsTimer.ReleaseResults(new TimerInfo(), default),
            other.ResultsTimer.ReleaseResults(new TimerInfo { IsPastDue = true }, default));
        await App.ResultsTimer.ReleaseResults(new TimerInfo(), default);

        Assert.Equal("Announced", await CallStatusAsync());
        var results = (await _scenario.LedgerAsync()).Where(r => !r.Key.Contains("-receipt-", StringComparison.Ordinal)).ToDictionary();
        var messages = (await App.NotificationsQueue.PeekMessagesAsync(32)).Value;
        // Queued once each, in batches: one message carries many of them.
        var queued = messages.SelectMany(m => System.Text.Json.JsonDocument.Parse(m.Body.ToString()).RootElement.GetProperty("notificationIds").EnumerateArray().Select(i => i.GetString()!)).ToList();
        var perNotification = queued.GroupBy(id => id).Select(g => g.Count()).ToList();

        Assert.Equal(0, await App.SendingPump.DrainAsync());
        await App.ResultsTimer.ReleaseResults(new TimerInfo(), default);
        Assert.Equal(0, await App.SendingPump.DrainAsync());

        var emails = _scenario.Emails.Skip(6).ToList();
        Figures.Print(output, "results_release", ("runs_at_once", 2), ("runs_in_a_row", 2), ("notifications", results.Count), ("messages", messages.Length), ("notifications_queued", queued.Count),
            ("most_queued_per_notification", perNotification.Max()), ("emails", emails.Count), ("duplicate_emails", emails.Count - emails.Select(e => e.NotificationId).Distinct().Count()));
        Assert.Equal(7, results.Count);
        Assert.Equal(results.Keys.Order(StringComparer.Ordinal), queued.Order(StringComparer.Ordinal));
        Assert.Equal(7, emails.Count);
        Assert.Equal(7, emails.Select(e => e.NotificationId).Distinct().Count());
        var ledger = await _scenario.LedgerAsync();
        Assert.All(results.Keys, id => Assert.Equal("Sent", ledger[id].GetString("Status")));

        var offers = _scenario.Offers;
        Email(emails, offers["FRA EGM-1"], "selected", out var france);
        Assert.Contains("lang=\"ar\" dir=\"rtl\"", france.Html, StringComparison.Ordinal);
        // To the addresses on each state's invitation: Kenya's names a Permanent Mission, France's none.
        Assert.Equal(["fp@diplomatie.example"], france.Recipients);
        Email(emails, offers["DEU EGM-1"], "reserve", out var germany);
        Assert.Contains("lang=\"es\"", germany.Html, StringComparison.Ordinal);
        Email(emails, offers["KEN EGM-1"], "notselected", out var kenya);
        Assert.Contains("lang=\"fr\"", kenya.Html, StringComparison.Ordinal);
        Assert.Equal(["fp@mfa.go.ke", ResultsScenario.KenyanMission], kenya.Recipients);
        Assert.DoesNotContain("<script>", kenya.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", kenya.Html, StringComparison.Ordinal);
        Assert.Contains(ResultsScenario.ScriptName, kenya.Text, StringComparison.Ordinal);
        Email(emails, offers["IND RC-2"], "selected", out var india);
        Assert.Contains("lang=\"zh\"", india.Html, StringComparison.Ordinal);
        Email(emails, offers["JPN EGM-2"], "notselected", out var japan);
        Assert.Contains("lang=\"ru\"", japan.Html, StringComparison.Ordinal);
        Assert.Contains("OfficialLetterMissing", japan.Text.Replace("No official letter", "OfficialLetterMissing", StringComparison.Ordinal), StringComparison.Ordinal);

        var summary = Assert.Single(emails, e => e.NotificationId == $"{_scenario.CallId}-summary-results");
        Assert.Equal(ResultsScenario.SecretariatEmail, summary.To);
        Assert.Contains("Paris", summary.Text, StringComparison.Ordinal);
        Assert.Equal(["hosting-calls", "smart-cities", "summary"], summary.Categories);
        Assert.All(emails, e => Assert.Equal("Bearer SG.test-key", e.Authorization));
    }

    [Fact]
    public async Task A_host_who_lets_the_date_pass_is_replaced_by_the_first_reserve_who_is_asked_to_confirm()
    {
        await _scenario.DecideAndReleaseAsync();
        await App.SendingPump.DrainAsync();
        var confirmBy = ResultsScenario.ResultsDate.AddDays(14);

        App.Clock.SetUtcNow(confirmBy);
        await App.ResultsTimer.ReleaseResults(new TimerInfo(), default);
        Assert.Equal(0, await App.SendingPump.DrainAsync());
        var before = _scenario.Emails.Count;

        // India confirms; France and Kenya stay silent past the date.
        var india = await App.SendAsync(LocalRequest.Post(new { confirm = true }).As(Callers.India), r => App.Decisions.AnswerAsHost(r, _scenario.CallId, _scenario.Offers["IND RC-2"], default));
        Assert.Equal((200, "Confirmed"), (india.Status, india.Json.GetProperty("response").GetString()));
        App.Clock.SetUtcNow(confirmBy.AddMinutes(1));
        await App.ResultsTimer.ReleaseResults(new TimerInfo(), default);
        await App.ResultsTimer.ReleaseResults(new TimerInfo(), default);
        await App.SendingPump.DrainAsync();

        var call = (await App.SendAsync(LocalRequest.Get().As(Callers.Secretariat), r => App.Calls.GetCall(r, _scenario.CallId, default))).Json.GetProperty("decision");
        var egm1 = call.GetProperty("meetings")[0];
        Assert.Equal((_scenario.Offers["DEU EGM-1"], "Awaiting"), (egm1.GetProperty("hostOfferId").GetString(), egm1.GetProperty("response").GetString()));
        Assert.Equal("Lapsed", egm1.GetProperty("formerHosts")[0].GetProperty("response").GetString());
        var rc1 = call.GetProperty("meetings")[1];
        Assert.False(rc1.TryGetProperty("hostOfferId", out _), "RC-1 had no reserve");
        Assert.Equal("Confirmed", call.GetProperty("meetings")[3].GetProperty("response").GetString());

        var sent = _scenario.Emails.Skip(before).ToList();
        // The request to Germany; to France and Kenya, that they no longer host; a note to the secretariat for each meeting.
        Assert.True(sent.Count == 5, string.Join(", ", sent.Select(e => e.NotificationId)));
        Assert.Contains("was not confirmed by the date set", Assert.Single(sent, e => e.NotificationId == $"{_scenario.Offers["KEN RC-1"]}-notselected-1").Text, StringComparison.Ordinal);
        Assert.Single(sent, e => e.NotificationId == $"{_scenario.Offers["DEU EGM-1"]}-hostconfirmationrequest-1");
        Assert.Equal(2, sent.Count(e => e.To == ResultsScenario.SecretariatEmail));
        Assert.Contains(sent, e => e.Text.Contains("France did not confirm in time to host EGM-1; Germany (the first reserve) was promoted", StringComparison.Ordinal));
    }

    private static void Email(List<CapturedEmail> emails, string offerId, string kind, out CapturedEmail email) =>
        email = Assert.Single(emails, e => e.NotificationId == $"{offerId}-{kind}-1");
}
