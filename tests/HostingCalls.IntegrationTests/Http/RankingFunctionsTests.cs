using System.Text;
using System.Text.Json;
using HostingCalls.IntegrationTests.Support;

namespace HostingCalls.IntegrationTests.Http;

[Collection(nameof(AzuriteCollection))]
public sealed class RankingFunctionsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private LocalApp _app = null!;
    private string _callId = null!;
    private readonly Dictionary<string, string> _offers = [];

    public async Task InitializeAsync()
    {
        _app = await LocalApp.StartAsync(azurite.ConnectionString);
        _callId = await _app.OpenSampleCallAsync();
        _offers["KEN EGM-1"] = await _app.SubmitWithLetterAsync(_callId, Callers.Kenya, SampleOffers.Kenya());
        _offers["KEN RC-1"] = await _app.SubmitWithLetterAsync(_callId, Callers.Kenya, SampleOffers.Kenya("RC-1").With("proposedDates", Dates("2024-03-05", "2024-03-07")));
        _offers["FRA EGM-1"] = await _app.SubmitWithLetterAsync(_callId, Callers.France, SampleOffers.Kenya()
            .With("city", "=HYPERLINK(\"http://evil.example\")")
            .With("coverage", new Dictionary<string, object?> { ["venue"] = true, ["interpretation"] = true, ["catering"] = true, ["cashUsd"] = 150000 }));
        _offers["IND RC-2"] = await _app.SubmitWithLetterAsync(_callId, Callers.India, SampleOffers.Kenya("RC-2").With("city", "New Delhi").With("proposedDates", Dates("2024-07-10", "2024-07-12")));
        _offers["BRA RC-2"] = await _app.SubmitWithLetterAsync(_callId, Callers.Brazil, SampleOffers.Kenya("RC-2").With("city", "Brasília"));
        var japan = await _app.SendAsync(LocalRequest.Post(SampleOffers.Kenya("EGM-2").With("city", "東京").With("proposedDates", Dates("2024-10-14", "2024-10-16"))).As(Callers.Japan),
            r => _app.Offers.SubmitOffer(r, _callId, default));
        _offers["JPN EGM-2"] = japan.Id;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static Dictionary<string, object?> Dates(string start, string end) => new() { ["start"] = start, ["end"] = end };

    private Task<LocalResponse> GetRanking(string caller = Callers.Secretariat, string? version = null)
    {
        var request = LocalRequest.Get().As(caller);
        return _app.SendAsync(version is null ? request : request.WithQuery("version", version), r => _app.Rankings.GetRanking(r, _callId, default));
    }

    private Task<LocalResponse> Review(string offer, string caller, object body, string? etag = null)
    {
        var request = LocalRequest.Put(body).As(caller);
        return _app.SendAsync(etag is null ? request : request.IfMatch(etag), r => _app.Reviews.SaveReview(r, _callId, _offers[offer], default));
    }

    private static object Scores(int venue, int logistics, int security, int overall) => new
    {
        scores = new object[]
        {
            new { criterion = "Venue", score = venue, comment = "<b>Fine</b> rooms" },
            new { criterion = "Logistics", score = logistics },
            new { criterion = "Security", score = security },
            new { criterion = "Overall", score = overall },
        },
    };

    private static JsonElement Meeting(LocalResponse ranking, string meetingId) =>
        ranking.Json.GetProperty("meetings").EnumerateArray().Single(m => m.GetProperty("meetingId").GetString() == meetingId);

    private static JsonElement Offer(JsonElement meeting, string offerId) =>
        meeting.GetProperty("eligible").EnumerateArray().Single(o => o.GetProperty("offerId").GetString() == offerId);

    [Fact]
    public async Task While_the_call_is_open_there_is_no_ranking_and_only_the_secretariat_may_ask()
    {
        Assert.Equal(409, (await GetRanking()).Status);
        Assert.Equal(403, (await GetRanking(Callers.Kenya)).Status);
        Assert.Equal(401, (await _app.SendAsync(LocalRequest.Get(), r => _app.Rankings.GetRanking(r, _callId, default))).Status);
    }

    [Fact]
    public async Task After_closing_each_meeting_has_its_host_reserves_and_reasons_and_the_funding_view()
    {
        await _app.CloseSampleCallsAsync();

        var ranking = await GetRanking();

        Assert.Equal(200, ranking.Status);
        Assert.Equal((1, "Closed", 6), (ranking.Json.GetProperty("version").GetInt32(), ranking.Json.GetProperty("reason").GetString(), ranking.Json.GetProperty("offersJudged").GetInt32()));

        var egm1 = Meeting(ranking, "EGM-1");
        Assert.Equal(_offers["FRA EGM-1"], egm1.GetProperty("hostOfferId").GetString());
        var france = Offer(egm1, _offers["FRA EGM-1"]);
        Assert.Equal(("Selected", 1, 1m), (france.GetProperty("outcome").GetString(), france.GetProperty("rank").GetInt32(), france.GetProperty("components").GetProperty("costCoverage").GetDecimal()));
        Assert.False(france.GetProperty("components").TryGetProperty("reviewers", out _), "not reviewed yet");
        var kenyaForEgm1 = Offer(egm1, _offers["KEN EGM-1"]);
        Assert.Equal("NotSelected", kenyaForEgm1.GetProperty("outcome").GetString());
        Assert.Equal("not selected for EGM-1: Kenya is recommended to host RC-1, and a Member State hosts one meeting at most", kenyaForEgm1.GetProperty("reason").GetString());

        Assert.Equal(_offers["KEN RC-1"], Meeting(ranking, "RC-1").GetProperty("hostOfferId").GetString());
        var rc2 = Meeting(ranking, "RC-2");
        Assert.Equal(_offers["IND RC-2"], rc2.GetProperty("hostOfferId").GetString());
        var brazil = Assert.Single(rc2.GetProperty("ineligible").EnumerateArray());
        Assert.Equal(["DatesOutsideWindow", "OutsideRegion"], brazil.GetProperty("failures").EnumerateArray().Select(f => f.GetProperty("gate").GetString()));
        Assert.StartsWith("ineligible: The proposed dates 2024-02-12 to 2024-02-14 are outside the window of RC-2", brazil.GetProperty("reason").GetString());

        var egm2 = Meeting(ranking, "EGM-2");
        Assert.False(egm2.TryGetProperty("hostOfferId", out _), "no host");
        Assert.Equal("no host for EGM-2: no eligible offer", egm2.GetProperty("summary").GetString());
        Assert.Equal("OfficialLetterMissing", Assert.Single(egm2.GetProperty("ineligible").EnumerateArray()).GetProperty("failures")[0].GetProperty("gate").GetString());

        // France 150,000 cash + 40% of 150,000 in kind; Kenya and India 25,000 cash + 40% of 120,000 each.
        var funding = ranking.Json.GetProperty("funding");
        Assert.Equal((867684m, 200000m, 156000m, 356000m, 511684m),
            (funding.GetProperty("gapUsd").GetDecimal(), funding.GetProperty("cashUsd").GetDecimal(), funding.GetProperty("inKindUsd").GetDecimal(),
             funding.GetProperty("coveredUsd").GetDecimal(), funding.GetProperty("remainingGapUsd").GetDecimal()));
        Assert.Equal(3, ranking.Json.GetProperty("assignment").GetProperty("meetingsHosted").GetInt32());
    }

    [Fact]
    public async Task Reading_a_version_never_recomputes_it()
    {
        await _app.CloseSampleCallsAsync();
        var first = await GetRanking(version: "1");

        await Review("IND RC-2", Callers.GermanReviewer, Scores(5, 5, 5, 5));

        Assert.Equal(first.Text, (await GetRanking(version: "1")).Text);
        Assert.Equal(2, (await GetRanking()).Json.GetProperty("version").GetInt32());
        Assert.Equal(404, (await GetRanking(version: "3")).Status);
        Assert.Equal(["version"], (await GetRanking(version: "one")).ProblemFields);
    }

    [Fact]
    public async Task A_what_if_ranks_under_other_weights_and_stores_nothing()
    {
        await _app.CloseSampleCallsAsync();
        var before = await GetRanking();

        // All weight on the date fit: Kenya's and France's EGM-1 offers tie, and the tie goes to the higher cost coverage.
        var weights = new { weights = new { costCoverage = 0, venueAndLogistics = 0, dateFit = 1, access = 0, reviewers = 0 }, rules = new { oneMeetingPerMemberState = false } };
        var whatIf = await _app.SendAsync(LocalRequest.Post(weights).As(Callers.Secretariat), r => _app.Rankings.RankWhatIf(r, _callId, default));

        Assert.Equal(200, whatIf.Status);
        Assert.Equal(("WhatIf", 0), (whatIf.Json.GetProperty("reason").GetString(), whatIf.Json.GetProperty("version").GetInt32()));
        var egm1 = Meeting(whatIf, "EGM-1").GetProperty("eligible");
        Assert.Equal([_offers["FRA EGM-1"], _offers["KEN EGM-1"]], egm1.EnumerateArray().Select(o => o.GetProperty("offerId").GetString()));
        Assert.Equal(egm1[0].GetProperty("score").GetDecimal(), egm1[1].GetProperty("score").GetDecimal());
        Assert.Equal("Reserve", egm1[1].GetProperty("outcome").GetString());
        Assert.Equal(before.Text, (await GetRanking()).Text);

        var bad = await _app.SendAsync(LocalRequest.Post(new { weights = new { costCoverage = 0.5, venueAndLogistics = 0, dateFit = 0, access = 0, reviewers = 0 } }).As(Callers.Secretariat),
            r => _app.Rankings.RankWhatIf(r, _callId, default));
        Assert.Equal((400, "weights"), (bad.Status, Assert.Single(bad.ProblemFields)));
    }

    [Fact]
    public async Task The_export_is_a_UTF8_CSV_with_one_row_per_offer_and_no_formula_runs()
    {
        await _app.CloseSampleCallsAsync();

        var csv = await _app.SendAsync(LocalRequest.Get().As(Callers.Secretariat), r => _app.Rankings.ExportRanking(r, _callId, default));

        Assert.Equal(200, csv.Status);
        Assert.StartsWith("text/csv", csv.ContentType);
        Assert.Contains($"ranking-{_callId}-v1.csv", csv.Headers.ContentDisposition.ToString());
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv.Body[..3]);
        var lines = csv.Text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 6, lines.Length);
        Assert.StartsWith("\"meeting_id\",\"meeting_title\",\"offer_id\",\"member_state\"", lines[0]);
        Assert.Contains(lines, l => l.Contains(",\"'=HYPERLINK(\"\"http://evil.example\"\")\",", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",\"東京\",\"Ineligible\",", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_review_re_ranks_the_call_and_nobody_scores_their_own_country()
    {
        Assert.Equal(409, (await Review("KEN RC-1", Callers.GermanReviewer, Scores(5, 5, 5, 5))).Status);
        await _app.CloseSampleCallsAsync();

        Assert.Equal(403, (await Review("KEN RC-1", Callers.KenyanReviewer, Scores(5, 5, 5, 5))).Status);
        Assert.Equal(403, (await Review("KEN RC-1", Callers.France, Scores(5, 5, 5, 5))).Status);
        Assert.Equal(403, (await Review("KEN RC-1", Callers.Secretariat, Scores(5, 5, 5, 5))).Status); // nationality not on record
        var missing = await Review("KEN RC-1", Callers.GermanReviewer, new { scores = new object[] { new { criterion = "Venue", score = 6 } } });
        Assert.Equal(["scores[0].score", "scores"], missing.ProblemFields);

        // Kenya's EGM-1 offer, reviewed 5/5, now beats France's unreviewed one on EGM-1... but Kenya hosts RC-1.
        var reviewed = await Review("KEN EGM-1", Callers.GermanReviewer, Scores(5, 5, 5, 5));
        Assert.Equal((200, 2), (reviewed.Status, reviewed.Json.GetProperty("rankingVersion").GetInt32()));
        var ranking = await GetRanking();
        Assert.Equal(("Reviewed", 2), (ranking.Json.GetProperty("reason").GetString(), ranking.Json.GetProperty("version").GetInt32()));
        var kenya = Offer(Meeting(ranking, "EGM-1"), _offers["KEN EGM-1"]);
        Assert.Equal((1m, 1), (kenya.GetProperty("components").GetProperty("reviewers").GetDecimal(), kenya.GetProperty("reviewCount").GetInt32()));

        Assert.Equal(428, (await Review("KEN EGM-1", Callers.GermanReviewer, Scores(1, 1, 1, 1))).Status);
        var changed = await Review("KEN EGM-1", Callers.GermanReviewer, Scores(1, 1, 1, 1), reviewed.ETag);
        Assert.Equal((200, 3), (changed.Status, changed.Json.GetProperty("rankingVersion").GetInt32()));
        Assert.Equal(412, (await Review("KEN EGM-1", Callers.GermanReviewer, Scores(2, 2, 2, 2), reviewed.ETag)).Status);
        Assert.Equal(0m, Offer(Meeting(await GetRanking(), "EGM-1"), _offers["KEN EGM-1"]).GetProperty("components").GetProperty("reviewers").GetDecimal());

        var all = await _app.SendAsync(LocalRequest.Get().As(Callers.Secretariat), r => _app.Reviews.ListReviews(r, _callId, _offers["KEN EGM-1"], default));
        Assert.True(all.Status == 200, all.ToString());
        var review = Assert.Single(all.Json.EnumerateArray());
        Assert.Equal(("dev-reviewer-jonas", "DEU", "<b>Fine</b> rooms"),
            (review.GetProperty("reviewerId").GetString(), review.GetProperty("reviewerNationality").GetString(), review.GetProperty("scores")[0].GetProperty("comment").GetString()));
    }

    [Fact]
    public async Task After_closing_a_reviewer_reads_offers_but_not_the_ranking()
    {
        await _app.CloseSampleCallsAsync();

        var offers = await _app.SendAsync(LocalRequest.Get().As(Callers.GermanReviewer), r => _app.Offers.ListOffers(r, _callId, default));

        Assert.Equal((200, 6), (offers.Status, offers.Json.GetArrayLength()));
        Assert.Equal(403, (await GetRanking(Callers.GermanReviewer)).Status);
    }

    [Fact]
    public async Task Reviews_from_two_reviewers_at_once_are_both_in_the_final_ranking()
    {
        await _app.CloseSampleCallsAsync();

        var results = await Task.WhenAll(
            Review("IND RC-2", Callers.GermanReviewer, Scores(4, 4, 4, 4)),
            Review("IND RC-2", "reviewer lea FRA", Scores(2, 2, 2, 2)),
            Review("FRA EGM-1", Callers.KenyanReviewer, Scores(3, 3, 3, 3)));

        Assert.All(results, r => Assert.Equal(200, r.Status));
        var ranking = await GetRanking();
        Assert.Equal(3, ranking.Json.GetProperty("reviewsRevision").GetInt32());
        var india = Offer(Meeting(ranking, "RC-2"), _offers["IND RC-2"]);
        Assert.Equal((2, 0.5m), (india.GetProperty("reviewCount").GetInt32(), india.GetProperty("components").GetProperty("reviewers").GetDecimal()));
        Assert.Single(await _app.RankingSnapshotsAsync(_callId), n => n.EndsWith($"{ranking.Json.GetProperty("version").GetInt32():D6}.json", StringComparison.Ordinal));
    }
}
