using HostingCalls.IntegrationTests.Support;
using Microsoft.Azure.Functions.Worker;

namespace HostingCalls.IntegrationTests.Http;

[Collection(nameof(AzuriteCollection))]
public sealed class DecisionFunctionsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private ResultsScenario _scenario = null!;

    private LocalApp App => _scenario.App;

    public async Task InitializeAsync() => _scenario = await ResultsScenario.StartAsync(azurite.ConnectionString);

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    private Task<LocalResponse> Answer(string caller, string offer, bool confirm) =>
        App.SendAsync(LocalRequest.Post(new { confirm }).As(caller), r => App.Decisions.AnswerAsHost(r, _scenario.CallId, _scenario.Offers[offer], default));

    private async Task<LocalResponse> CallAsync() =>
        await App.SendAsync(LocalRequest.Get().As(Callers.Secretariat), r => App.Calls.GetCall(r, _scenario.CallId, default));

    [Fact]
    public async Task A_decision_needs_the_current_ranking_and_an_override_needs_an_eligible_offer_a_justification_and_the_rules()
    {
        var call = await CallAsync();
        Task<LocalResponse> Decide(object body, string caller = Callers.Secretariat, string? etag = "current") =>
            App.SendAsync(etag is null ? LocalRequest.Post(body).As(caller) : LocalRequest.Post(body).As(caller).IfMatch(etag == "current" ? call.ETag! : etag),
                r => App.Decisions.DecideCall(r, _scenario.CallId, default));

        Assert.Equal(403, (await Decide(new { rankingVersion = 1 }, Callers.France)).Status);
        Assert.Equal(403, (await Decide(new { rankingVersion = 1 }, Callers.GermanReviewer)).Status);
        Assert.Equal(428, (await Decide(new { rankingVersion = 1 }, etag: null)).Status);
        Assert.Equal(["rankingVersion"], (await Decide(new { rankingVersion = 2 })).ProblemFields);
        var japan = new { meetingId = "EGM-2", offerId = _scenario.Offers["JPN EGM-2"], justification = "Japan offered the best venue for the second meeting." };
        var kenya = new { meetingId = "EGM-1", offerId = _scenario.Offers["KEN EGM-1"], justification = "short" };
        var bad = await Decide(new { rankingVersion = 1, overrides = new object[] { japan, kenya } });
        Assert.Equal(400, bad.Status);
        Assert.Equal(["overrides[0].offerId", "overrides[1].justification", "overrides[1].offerId"], bad.ProblemFields);
        Assert.Contains("Kenya is recommended to host RC-1", bad.Json.GetProperty("errors").GetProperty("overrides[1].offerId")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("Ranked", (await CallAsync()).Json.GetProperty("status").GetString());

        var germany = new { meetingId = "EGM-1", offerId = _scenario.Offers["DEU EGM-1"], justification = "Bonn hosts the UN campus and offered the venue at no cost." };
        var decided = await Decide(new { rankingVersion = 1, overrides = new object[] { germany } });

        Assert.Equal(200, decided.Status);
        var egm1 = decided.Json.GetProperty("decision").GetProperty("meetings")[0];
        Assert.Equal((_scenario.Offers["DEU EGM-1"], _scenario.Offers["FRA EGM-1"]), (egm1.GetProperty("hostOfferId").GetString(), egm1.GetProperty("recommendedOfferId").GetString()));
        Assert.Equal(_scenario.Offers["FRA EGM-1"], egm1.GetProperty("reserves")[0].GetProperty("offerId").GetString());
        Assert.Equal(409, (await Decide(new { rankingVersion = 1 }, etag: decided.ETag)).Status);

        // Frozen: a review now changes nothing.
        var review = new { scores = new object[] { new { criterion = "Venue", score = 5 }, new { criterion = "Logistics", score = 5 }, new { criterion = "Security", score = 5 }, new { criterion = "Overall", score = 5 } } };
        var late = await App.SendAsync(LocalRequest.Put(review).As(Callers.KenyanReviewer), r => App.Reviews.SaveReview(r, _scenario.CallId, _scenario.Offers["FRA EGM-1"], default));
        Assert.Equal(409, late.Status);
        Assert.Equal(1, (await CallAsync()).Json.GetProperty("ranking").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_selected_host_that_declines_is_replaced_by_its_first_reserve_and_both_are_told()
    {
        Assert.Equal(409, (await Answer(Callers.France, "FRA EGM-1", false)).Status); // not announced yet
        await _scenario.DecideAndReleaseAsync();
        await App.SendingPump.DrainAsync();
        var before = _scenario.Emails.Count;

        Assert.Equal(404, (await Answer(Callers.Kenya, "FRA EGM-1", false)).Status);
        Assert.Equal(409, (await Answer(Callers.Kenya, "KEN EGM-1", true)).Status); // not a host
        var own = await App.SendAsync(LocalRequest.Get().As(Callers.France), r => App.Offers.GetOffer(r, _scenario.CallId, _scenario.Offers["FRA EGM-1"], default));
        Assert.Equal("Selected", own.Json.GetProperty("status").GetString());

        var declined = await Answer(Callers.France, "FRA EGM-1", false);

        Assert.Equal(200, declined.Status);
        Assert.Equal((_scenario.Offers["DEU EGM-1"], "Awaiting"), (declined.Json.GetProperty("hostOfferId").GetString(), declined.Json.GetProperty("response").GetString()));
        Assert.Equal(("Declined", 0), (declined.Json.GetProperty("formerHosts")[0].GetProperty("response").GetString(), declined.Json.GetProperty("reserves").GetArrayLength()));
        Assert.Equal(409, (await Answer(Callers.France, "FRA EGM-1", true)).Status);

        await App.ResultsTimer.ReleaseResults(new TimerInfo(), default); // a timer run after it adds nothing
        Assert.Equal(0, await App.SendingPump.DrainAsync());
        var told = _scenario.Emails.Skip(before).ToList();
        Assert.Equal(3, told.Count);
        var released = Assert.Single(told, e => e.NotificationId == $"{_scenario.Offers["FRA EGM-1"]}-notselected-1");
        Assert.Contains("hosting EGM-1 was declined", released.Text, StringComparison.Ordinal);
        var request = Assert.Single(told, e => e.NotificationId == $"{_scenario.Offers["DEU EGM-1"]}-hostconfirmationrequest-1");
        Assert.Contains("lang=\"es\"", request.Html, StringComparison.Ordinal);
        Assert.Contains("France declined to host EGM-1; Germany (the first reserve) was promoted and asked to confirm.", Assert.Single(told, e => e.To == ResultsScenario.SecretariatEmail).Text, StringComparison.Ordinal);

        var confirmed = await Answer("member-state DEU", "DEU EGM-1", true);
        Assert.Equal((200, "Confirmed"), (confirmed.Status, confirmed.Json.GetProperty("response").GetString()));
    }
}
