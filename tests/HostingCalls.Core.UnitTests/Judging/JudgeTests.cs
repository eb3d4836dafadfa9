using System.Text.Json;
using HostingCalls.Core.Calls;
using HostingCalls.Core.Judging;
using HostingCalls.Core.Offers;

namespace HostingCalls.Core.UnitTests.Judging;

public class JudgeTests
{
    private static readonly Call Call = Samples.Call(CallStatus.Closed);
    private static readonly RankingStamp Stamp = new(1, DateTimeOffset.Parse("2023-10-31T21:03:00Z"), RankingReason.Closed, 0);

    private static Ranking Rank(IReadOnlyList<Offer> offers, IReadOnlyDictionary<string, ReviewTally>? reviews = null, AssignmentRules? rules = null) =>
        Judge.Rank(Call, offers, reviews ?? new Dictionary<string, ReviewTally>(), Call.Weights, rules ?? Call.Rules, Stamp);

    private static MeetingRanking Meeting(Ranking ranking, string id) => ranking.Meetings.Single(m => m.MeetingId == id);

    [Fact]
    public void Ties_go_to_higher_cost_coverage_then_earlier_submission_then_offer_id()
    {
        // Weights under which 15,000 more cash (+0.1 coverage) exactly makes up for no hybrid facilities (-0.25 venue).
        var weights = new CriteriaWeights(0.5m, 0.2m, 0.3m, 0m, 0m);
        var richer = JudgedOffers.Make("FRA", "EGM-1", cashUsd: 40000m, minute: 9, id: "0190c0de00007000800000000000000f")
            .WithDetails(d => d with { Venue = d.Venue with { HybridFacilities = false } });
        var later = JudgedOffers.Make("DEU", "EGM-1", minute: 5, id: "0190c0de000070008000000000000001");
        var earlier = JudgedOffers.Make("ITA", "EGM-1", minute: 1, id: "0190c0de000070008000000000000009");
        var sameTimeLowerId = JudgedOffers.Make("ESP", "EGM-1", minute: 1, id: "0190c0de000070008000000000000002");

        var egm1 = Judge.Rank(Call, [later, earlier, richer, sameTimeLowerId], new Dictionary<string, ReviewTally>(), weights, Call.Rules, Stamp)
            .Meetings.Single(m => m.MeetingId == "EGM-1");

        Assert.Single(egm1.Eligible.Select(o => o.Score).Distinct());
        Assert.Equal([richer.Id, sameTimeLowerId.Id, earlier.Id, later.Id], egm1.Eligible.Select(o => o.OfferId));
        Assert.Equal(richer.Id, egm1.HostOfferId);
    }

    [Fact]
    public void The_same_offers_in_any_order_give_the_same_ranking()
    {
        var offers = new List<Offer>();
        string[] states = ["KEN", "FRA", "BRA", "IND", "JPN", "DEU", "NGA", "CHN", "MEX", "POL", "EGY", "THA"];
        string[] meetings = ["EGM-1", "RC-1", "EGM-2", "RC-2", "EGM-3"];
        var random = new Random(7);
        for (var i = 0; i < 40; i++)
        {
            // Few distinct cash amounts, so that scores tie often.
            offers.Add(JudgedOffers.Make(states[random.Next(states.Length)], meetings[random.Next(meetings.Length)], cashUsd: 10000m * random.Next(4), minute: random.Next(5)));
        }

        var expected = JsonSerializer.Serialize(Rank(offers));
        for (var shuffle = 0; shuffle < 20; shuffle++)
        {
            Assert.Equal(expected, JsonSerializer.Serialize(Rank([.. offers.OrderBy(_ => random.Next())])));
        }
    }

    [Fact]
    public void Every_offer_gets_its_outcome_with_the_reason()
    {
        var kenya = JudgedOffers.Make("KEN", "EGM-1", cashUsd: 100000m);
        var kenyaRc1 = JudgedOffers.Make("KEN", "RC-1", cashUsd: 100000m);
        var france = JudgedOffers.Make("FRA", "EGM-1", cashUsd: 50000m);
        var germany = JudgedOffers.Make("DEU", "EGM-1", cashUsd: 0m);
        var lateDates = JudgedOffers.Make("BRA", "EGM-1").WithDetails(d => d with { ProposedDates = new DateRange(new DateOnly(2024, 6, 3), new DateOnly(2024, 6, 5)) });
        var withdrawn = JudgedOffers.Make("CHL", "EGM-1") with { Status = OfferStatus.Withdrawn };

        var ranking = Rank([kenya, kenyaRc1, france, germany, lateDates, withdrawn]);
        var egm1 = Meeting(ranking, "EGM-1");

        // Kenya scores best for EGM-1 but alone offers RC-1: hosting both meetings beats a better EGM-1.
        Assert.Equal(france.Id, egm1.HostOfferId);
        Assert.Equal(kenyaRc1.Id, Meeting(ranking, "RC-1").HostOfferId);
        Assert.Equal([OfferOutcome.NotSelected, OfferOutcome.Selected, OfferOutcome.Reserve], egm1.Eligible.Select(o => o.Outcome));
        Assert.Equal("not selected for EGM-1: Kenya is recommended to host RC-1, and a Member State hosts one meeting at most", egm1.Eligible[0].Reason);
        Assert.StartsWith("selected for EGM-1: ", egm1.Eligible[1].Reason);
        Assert.Equal(france.Id, egm1.Eligible[1].OfferId);
        Assert.Matches(@"^reserve 1 for EGM-1: 0\.\d{4} against the host's 0\.\d{4}$", egm1.Eligible[2].Reason);
        Assert.Equal(1, egm1.Eligible[2].ReservePlace);
        var ineligible = Assert.Single(egm1.Ineligible);
        Assert.Equal("ineligible: The proposed dates 2024-06-03 to 2024-06-05 are outside the window of EGM-1, 2024-02-01 to 2024-02-29.", ineligible.Reason);
        Assert.Equal((5, 1), (ranking.OffersJudged, ranking.OffersWithdrawn));
    }

    [Fact]
    public void Expert_group_meetings_go_to_distinct_regions_and_the_blocked_offer_says_why()
    {
        var france = JudgedOffers.Make("FRA", "EGM-1", cashUsd: 100000m);
        var germany = JudgedOffers.Make("DEU", "EGM-2", cashUsd: 100000m);
        var egypt = JudgedOffers.Make("EGY", "EGM-2", cashUsd: 0m);

        var ranking = Rank([france, germany, egypt]);
        var egm2 = Meeting(ranking, "EGM-2");

        Assert.Equal(egypt.Id, egm2.HostOfferId);
        Assert.Equal("not selected for EGM-2: the Western European and other States already host EGM-1, and Expert Group meetings go to distinct regions",
            egm2.Eligible.Single(o => o.OfferId == germany.Id).Reason);

        var relaxed = Rank([france, germany, egypt], rules: Call.Rules with { ExpertGroupRegions = RegionSpread.NotRequired });
        Assert.Equal(germany.Id, Meeting(relaxed, "EGM-2").HostOfferId);
    }

    [Fact]
    public void The_reserve_list_is_as_long_as_the_call_says()
    {
        var offers = new[] { "FRA", "DEU", "ITA", "ESP", "PRT" }.Select((s, i) => JudgedOffers.Make(s, "EGM-3", cashUsd: 10000m * (5 - i))).ToList();

        var egm3 = Meeting(Rank(offers, rules: Call.Rules with { ReservesPerMeeting = 2 }), "EGM-3");

        Assert.Equal([OfferOutcome.Selected, OfferOutcome.Reserve, OfferOutcome.Reserve, OfferOutcome.NotSelected, OfferOutcome.NotSelected], egm3.Eligible.Select(o => o.Outcome));
        Assert.Equal([null, 1, 2, null, null], egm3.Eligible.Select(o => o.ReservePlace));
        Assert.EndsWith("below the 2 reserves", egm3.Eligible[3].Reason);
    }

    [Fact]
    public void Reviews_move_an_offer_and_the_funding_view_adds_up_what_hosts_cover()
    {
        var france = JudgedOffers.Make("FRA", "EGM-1", cashUsd: 30000m);
        var kenya = JudgedOffers.Make("KEN", "EGM-1", cashUsd: 20000m);
        Assert.Equal(france.Id, Meeting(Rank([france, kenya]), "EGM-1").HostOfferId);

        var reviewed = Rank([france, kenya], new Dictionary<string, ReviewTally> { [kenya.Id] = new(1, 1m), [france.Id] = new(1, 0m) });

        Assert.Equal(kenya.Id, Meeting(reviewed, "EGM-1").HostOfferId);
        // Kenya: 20,000 cash and 40% of 150,000 in kind, against the report's gap of 867,684.
        Assert.Equal(new FundingView(867684m, 20000m, 60000m, 80000m, 787684m, 0.0922m, reviewed.Funding.Meetings), reviewed.Funding);
        Assert.Equal(new MeetingFunding("EGM-1", 150000m, kenya.Id, "KEN", 20000m, 60000m), reviewed.Funding.Meetings[0]);
        Assert.Equal((5, 1), (reviewed.Assignment.Meetings, reviewed.Assignment.MeetingsHosted));
    }

    [Fact]
    public void A_regional_consultation_outside_its_region_is_ineligible_only_while_the_rule_holds()
    {
        var france = JudgedOffers.Make("FRA", "RC-1");

        Assert.Equal(ComplianceGates.OutsideRegion, Assert.Single(Meeting(Rank([france]), "RC-1").Ineligible).Failures.Single().Gate);
        Assert.Equal(france.Id, Meeting(Rank([france], rules: Call.Rules with { RegionalConsultationsInRegion = false }), "RC-1").HostOfferId);
    }
}
