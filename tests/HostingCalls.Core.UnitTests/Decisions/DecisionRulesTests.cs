using HostingCalls.Core.Calls;
using HostingCalls.Core.Common;
using HostingCalls.Core.Decisions;
using HostingCalls.Core.Judging;
using HostingCalls.Core.Offers;
using HostingCalls.Core.UnitTests.Judging;

namespace HostingCalls.Core.UnitTests.Decisions;

public class DecisionRulesTests
{
    private const string Reason = "The recommended venue is under renovation in February 2024.";

    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2023-11-20T10:00:00Z");

    // Ten days, not the default fourteen, so that a date computed from the default would show.
    private static readonly Call Call = Samples.Call(CallStatus.Closed) with { HostConfirmationDays = 10 };

    // EGM-1 in score order: France is recommended; Kenya hosts EGM-2 (its only offer) and Nigeria shares Kenya's
    // regional group, so neither can stand in for France; Germany, Italy and Spain are the three reserves; Poland is fourth.
    private static readonly Offer France = JudgedOffers.Make("FRA", "EGM-1", cashUsd: 80000m);
    private static readonly Offer KenyaEgm1 = JudgedOffers.Make("KEN", "EGM-1", cashUsd: 70000m);
    private static readonly Offer NigeriaEgm1 = JudgedOffers.Make("NGA", "EGM-1", cashUsd: 60000m);
    private static readonly Offer Germany = JudgedOffers.Make("DEU", "EGM-1", cashUsd: 50000m);
    private static readonly Offer Italy = JudgedOffers.Make("ITA", "EGM-1", cashUsd: 40000m);
    private static readonly Offer Spain = JudgedOffers.Make("ESP", "EGM-1", cashUsd: 30000m);
    private static readonly Offer Poland = JudgedOffers.Make("POL", "EGM-1", cashUsd: 20000m);
    private static readonly Offer OutsideWindow = JudgedOffers.Make("MEX", "EGM-1", cashUsd: 80000m)
        .WithDetails(d => d with { ProposedDates = new DateRange(new DateOnly(2024, 6, 3), new DateOnly(2024, 6, 5)) });
    private static readonly Offer KenyaEgm2 = JudgedOffers.Make("KEN", "EGM-2", cashUsd: 10000m);
    private static readonly Offer Brazil = JudgedOffers.Make("BRA", "EGM-3", cashUsd: 50000m);
    private static readonly Offer Chile = JudgedOffers.Make("CHL", "EGM-3", cashUsd: 40000m);

    private static readonly Ranking Ranking = Rank(Call,
        France, KenyaEgm1, NigeriaEgm1, Germany, Italy, Spain, Poland, OutsideWindow, KenyaEgm2, Brazil, Chile);

    private static Ranking Rank(Call call, params Offer[] offers) =>
        Judge.Rank(call, offers, new Dictionary<string, ReviewTally>(), call.Weights, call.Rules, new RankingStamp(1, Now, RankingReason.Closed, 0));

    private static Decision Decide(params HostOverrideInput?[] overrides) => DecisionRules.Decide(Call, Ranking, overrides, "secretariat", Now);

    private static int Index(string meetingId) => Call.Meetings.ToList().FindIndex(m => m.Id == meetingId);

    private static MeetingDecision Meeting(Decision decision, string meetingId) => decision.Meetings[Index(meetingId)];

    private static HostOverrideInput Override(string meetingId, Offer offer, string? justification = Reason) =>
        new() { MeetingId = meetingId, OfferId = offer.Id, Justification = justification };

    private static string[] Ids(IEnumerable<DecidedReserve> reserves) => [.. reserves.Select(r => r.OfferId)];

    private static Rejection Refused(params HostOverrideInput?[] overrides)
    {
        var rejection = Assert.Throws<Rejection>(() => Decide(overrides));
        Assert.Equal(RejectionKind.Invalid, rejection.Kind);
        return rejection;
    }

    [Fact]
    public void The_scenario_ranks_as_these_tests_assume()
    {
        var egm1 = Ranking.Meetings[Index("EGM-1")];

        Assert.Equal([France.Id, KenyaEgm1.Id, NigeriaEgm1.Id, Germany.Id, Italy.Id, Spain.Id, Poland.Id], egm1.Eligible.Select(o => o.OfferId));
        Assert.Equal(France.Id, egm1.HostOfferId);
        Assert.Equal(KenyaEgm2.Id, Ranking.Meetings[Index("EGM-2")].HostOfferId);
        Assert.Equal(Brazil.Id, Ranking.Meetings[Index("EGM-3")].HostOfferId);
    }

    [Fact]
    public void Without_overrides_each_meeting_gets_the_recommended_host_awaiting_confirmation()
    {
        var decision = Decide();

        Assert.Equal([France.Id, null, KenyaEgm2.Id, null, Brazil.Id], decision.Meetings.Select(m => m.HostOfferId));
        Assert.Equal(["FRA", null, "KEN", null, "BRA"], decision.Meetings.Select(m => m.HostMemberState));
        Assert.Equal(decision.Meetings.Select(m => m.HostOfferId), decision.Meetings.Select(m => m.RecommendedOfferId));
        Assert.All(decision.Meetings, m => Assert.Null(m.Justification));
        Assert.All(decision.Meetings, m => Assert.Empty(m.FormerHosts));
        Assert.Equal((1, Now, "secretariat", 1), (decision.RankingVersion, decision.DecidedAt, decision.DecidedBy, decision.Revision));

        // 2023-11-30 09:00 Nairobi, the results date, plus the call's ten days.
        var confirmBy = new DateTimeOffset(2023, 12, 10, 9, 0, 0, TimeSpan.FromHours(3));
        var egm1 = Meeting(decision, "EGM-1");
        Assert.Equal((HostResponse.Awaiting, confirmBy), (egm1.Response, egm1.ConfirmBy));
        Assert.Equal((HostResponse.Awaiting, confirmBy), (Meeting(decision, "EGM-3").Response, Meeting(decision, "EGM-3").ConfirmBy));
    }

    [Fact]
    public void A_meeting_without_an_eligible_offer_has_no_host_and_awaits_no_answer()
    {
        var rc1 = Meeting(Decide(), "RC-1");

        Assert.Null(rc1.HostOfferId);
        Assert.Null(rc1.HostMemberState);
        Assert.Null(rc1.RecommendedOfferId);
        Assert.Null(rc1.Response);
        Assert.Null(rc1.ConfirmBy);
        Assert.Empty(rc1.Reserves);
    }

    [Fact]
    public void Reserves_are_the_next_offers_that_could_host_beside_the_other_hosts_in_ranking_order()
    {
        var egm1 = Meeting(Decide(), "EGM-1");

        // Not Kenya (hosts EGM-2), not Nigeria (the African Group hosts EGM-2, an Expert Group meeting), not Poland (fourth).
        Assert.Equal([Germany.Id, Italy.Id, Spain.Id], Ids(egm1.Reserves));
        Assert.Equal(["DEU", "ITA", "ESP"], egm1.Reserves.Select(r => r.MemberState));
        Assert.Equal([Chile.Id], Ids(Meeting(Decide(), "EGM-3").Reserves));
        Assert.Empty(Meeting(Decide(), "EGM-2").Reserves);
    }

    [Fact]
    public void Without_the_regional_spread_rule_an_offer_from_the_region_of_another_expert_group_host_is_a_reserve()
    {
        var call = Call with { Rules = Call.Rules with { ExpertGroupRegions = RegionSpread.NotRequired } };
        var ranking = Rank(call, France, KenyaEgm1, NigeriaEgm1, Germany, Italy, KenyaEgm2);

        var egm1 = DecisionRules.Decide(call, ranking, [], "secretariat", Now).Meetings[Index("EGM-1")];

        Assert.Equal(France.Id, egm1.HostOfferId);
        Assert.Equal([NigeriaEgm1.Id, Germany.Id, Italy.Id], Ids(egm1.Reserves));
    }

    [Fact]
    public void A_call_keeps_as_many_reserves_as_its_rules_say()
    {
        var call = Call with { Rules = Call.Rules with { ReservesPerMeeting = 1 } };
        var ranking = Rank(call, France, KenyaEgm1, NigeriaEgm1, Germany, Italy, Spain, KenyaEgm2);

        var egm1 = DecisionRules.Decide(call, ranking, [], "secretariat", Now).Meetings[Index("EGM-1")];

        Assert.Equal([Germany.Id], Ids(egm1.Reserves));
    }

    [Fact]
    public void An_override_keeps_the_recommended_offer_and_the_justification_and_the_former_recommendation_becomes_a_reserve()
    {
        var decision = Decide(Override("EGM-1", Germany, "  " + Reason + "\n"));

        var egm1 = Meeting(decision, "EGM-1");
        Assert.Equal((Germany.Id, "DEU"), (egm1.HostOfferId, egm1.HostMemberState));
        Assert.Equal(France.Id, egm1.RecommendedOfferId);
        Assert.Equal(Reason, egm1.Justification);
        Assert.Equal(HostResponse.Awaiting, egm1.Response);
        Assert.Equal([France.Id, Italy.Id, Spain.Id], Ids(egm1.Reserves));
        Assert.Null(Meeting(decision, "EGM-3").Justification);
        Assert.Equal(Brazil.Id, Meeting(decision, "EGM-3").HostOfferId);
    }

    [Fact]
    public void A_justification_of_exactly_the_minimum_length_is_enough()
    {
        var justification = new string('x', DecisionRules.MinJustificationLength);

        Assert.Equal(justification, Meeting(Decide(Override("EGM-1", Germany, justification)), "EGM-1").Justification);
    }

    [Fact]
    public void An_override_to_an_ineligible_offer_is_refused_on_its_offer_id()
    {
        var rejection = Refused(Override("EGM-1", OutsideWindow));

        Assert.Equal(["overrides[0].offerId"], rejection.Errors.Keys);
    }

    [Fact]
    public void An_override_to_an_offer_for_another_meeting_is_refused_on_its_offer_id()
    {
        var rejection = Refused(Override("EGM-3", Chile), Override("EGM-1", Brazil));

        Assert.Equal(["overrides[1].offerId"], rejection.Errors.Keys);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Better venue.")]
    [InlineData("xxxxxxxxxxxxxxxxxxx          ")] // 19 characters once trimmed
    public void An_override_without_a_justification_of_twenty_characters_is_refused_on_its_justification(string? justification)
    {
        var rejection = Refused(Override("EGM-1", Germany, justification));

        Assert.Equal(["overrides[0].justification"], rejection.Errors.Keys);
    }

    [Fact]
    public void A_meeting_overridden_twice_is_refused_on_the_second_meeting_id()
    {
        var rejection = Refused(Override("EGM-1", Germany), Override("EGM-1", Italy));

        Assert.Equal(["overrides[1].meetingId"], rejection.Errors.Keys);
    }

    [Theory]
    [InlineData("EGM-9")]
    [InlineData("egm-1")]
    [InlineData(null)]
    public void An_override_of_a_meeting_the_call_does_not_have_is_refused_on_its_meeting_id(string? meetingId)
    {
        var rejection = Refused(Override("EGM-3", Chile), new HostOverrideInput { MeetingId = meetingId, OfferId = Germany.Id, Justification = Reason });

        Assert.Equal(["overrides[1].meetingId"], rejection.Errors.Keys);
    }

    [Fact]
    public void A_missing_override_is_refused_on_its_meeting_id()
    {
        var rejection = Refused([null]);

        Assert.Equal(["overrides[0].meetingId"], rejection.Errors.Keys);
    }

    [Fact]
    public void An_override_giving_a_second_meeting_to_a_state_is_refused_on_its_offer_id()
    {
        var rejection = Refused(Override("EGM-3", Chile), Override("EGM-1", KenyaEgm1));

        var message = Assert.Single(Assert.Single(rejection.Errors, e => e.Key == "overrides[1].offerId").Value);
        Assert.Contains("Kenya is recommended to host EGM-2, and a Member State hosts one meeting at most", message, StringComparison.Ordinal);
        Assert.Single(rejection.Errors);
    }

    [Fact]
    public void An_override_putting_two_expert_group_meetings_in_one_region_is_refused_on_its_offer_id()
    {
        var rejection = Refused(Override("EGM-1", NigeriaEgm1));

        Assert.Equal(["overrides[0].offerId"], rejection.Errors.Keys);
    }

    [Fact]
    public void Every_bad_override_is_named_at_once()
    {
        var rejection = Refused(Override("EGM-1", OutsideWindow, "short"), Override("EGM-9", Germany));

        Assert.Equal(["overrides[0].justification", "overrides[0].offerId", "overrides[1].meetingId"], rejection.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Promoting_makes_the_first_reserve_host_with_its_own_date_to_confirm()
    {
        var decision = Decide();
        var declinedAt = DateTimeOffset.Parse("2023-12-04T12:00:00Z");

        var promoted = DecisionRules.Promote(Call, decision, Index("EGM-1"), HostResponse.Declined, declinedAt);

        var egm1 = Meeting(promoted, "EGM-1");
        Assert.Equal((Germany.Id, "DEU"), (egm1.HostOfferId, egm1.HostMemberState));
        Assert.Equal((HostResponse.Awaiting, declinedAt.AddDays(10)), (egm1.Response, egm1.ConfirmBy));
        Assert.Equal([Italy.Id, Spain.Id], Ids(egm1.Reserves));
        Assert.Equal(France.Id, egm1.RecommendedOfferId);
        Assert.Equal([new FormerHost(France.Id, "FRA", HostResponse.Declined, declinedAt)], egm1.FormerHosts);
        Assert.Equal(2, promoted.Revision);
        Assert.Equal((decision.RankingVersion, decision.DecidedAt), (promoted.RankingVersion, promoted.DecidedAt));
        Assert.Equal(decision.Meetings.Where((_, m) => m != Index("EGM-1")), promoted.Meetings.Where((_, m) => m != Index("EGM-1")));
    }

    [Fact]
    public void Promoting_skips_a_reserve_whose_state_has_since_come_to_host_another_meeting()
    {
        // RC-1: Kenya recommended, Nigeria its reserve. EGM-1: France recommended, then Nigeria, Germany, Italy.
        var kenyaRc1 = JudgedOffers.Make("KEN", "RC-1", cashUsd: 70000m);
        var nigeriaRc1 = JudgedOffers.Make("NGA", "RC-1", cashUsd: 60000m);
        var nigeriaEgm1 = JudgedOffers.Make("NGA", "EGM-1", cashUsd: 70000m);
        var ranking = Rank(Call, France, nigeriaEgm1, Germany, Italy, kenyaRc1, nigeriaRc1);
        var decision = DecisionRules.Decide(Call, ranking, [], "secretariat", Now);
        Assert.Equal([nigeriaEgm1.Id, Germany.Id, Italy.Id], Ids(Meeting(decision, "EGM-1").Reserves));
        Assert.Equal([nigeriaRc1.Id], Ids(Meeting(decision, "RC-1").Reserves));
        var declinedAt = DateTimeOffset.Parse("2023-12-01T08:00:00Z");
        var lapsedAt = DateTimeOffset.Parse("2023-12-10T06:00:00Z");

        var nigeriaHostsRc1 = DecisionRules.Promote(Call, decision, Index("RC-1"), HostResponse.Declined, declinedAt);
        var egm1Lapsed = DecisionRules.Promote(Call, nigeriaHostsRc1, Index("EGM-1"), HostResponse.Lapsed, lapsedAt);

        Assert.Equal(nigeriaRc1.Id, Meeting(nigeriaHostsRc1, "RC-1").HostOfferId);
        var egm1 = Meeting(egm1Lapsed, "EGM-1");
        Assert.Equal((Germany.Id, "DEU"), (egm1.HostOfferId, egm1.HostMemberState));
        Assert.Equal((HostResponse.Awaiting, lapsedAt.AddDays(10)), (egm1.Response, egm1.ConfirmBy));
        Assert.Equal([Italy.Id], Ids(egm1.Reserves));
        Assert.Equal([new FormerHost(France.Id, "FRA", HostResponse.Lapsed, lapsedAt)], egm1.FormerHosts);
        Assert.Equal(3, egm1Lapsed.Revision);
    }

    [Fact]
    public void Promoting_with_no_reserve_left_leaves_the_meeting_without_a_host()
    {
        var decision = Decide();
        var declinedAt = DateTimeOffset.Parse("2023-12-01T08:00:00Z");
        var lapsedAt = DateTimeOffset.Parse("2023-12-11T08:00:00Z");

        var chileHosts = DecisionRules.Promote(Call, decision, Index("EGM-3"), HostResponse.Declined, declinedAt);
        var nobodyHosts = DecisionRules.Promote(Call, chileHosts, Index("EGM-3"), HostResponse.Lapsed, lapsedAt);

        Assert.Equal(Chile.Id, Meeting(chileHosts, "EGM-3").HostOfferId);
        var egm3 = Meeting(nobodyHosts, "EGM-3");
        Assert.Null(egm3.HostOfferId);
        Assert.Null(egm3.HostMemberState);
        Assert.Null(egm3.Response);
        Assert.Null(egm3.ConfirmBy);
        Assert.Empty(egm3.Reserves);
        Assert.Equal(
            [new FormerHost(Brazil.Id, "BRA", HostResponse.Declined, declinedAt), new FormerHost(Chile.Id, "CHL", HostResponse.Lapsed, lapsedAt)],
            egm3.FormerHosts);
        Assert.Equal(3, nobodyHosts.Revision);
    }

    [Fact]
    public void Promoting_when_every_reserve_breaks_the_rules_leaves_the_meeting_without_a_host()
    {
        // RC-1: Kenya recommended, Nigeria its reserve; EGM-1: France recommended, Nigeria its only reserve.
        var kenyaRc1 = JudgedOffers.Make("KEN", "RC-1", cashUsd: 70000m);
        var nigeriaRc1 = JudgedOffers.Make("NGA", "RC-1", cashUsd: 60000m);
        var nigeriaEgm1 = JudgedOffers.Make("NGA", "EGM-1", cashUsd: 70000m);
        var decision = DecisionRules.Decide(Call, Rank(Call, France, nigeriaEgm1, kenyaRc1, nigeriaRc1), [], "secretariat", Now);
        var nigeriaHostsRc1 = DecisionRules.Promote(Call, decision, Index("RC-1"), HostResponse.Declined, Now);

        var egm1 = Meeting(DecisionRules.Promote(Call, nigeriaHostsRc1, Index("EGM-1"), HostResponse.Declined, Now), "EGM-1");

        Assert.Null(egm1.HostOfferId);
        Assert.Null(egm1.Response);
        Assert.Empty(egm1.Reserves);
    }

    [Fact]
    public void Each_offer_learns_whether_it_was_selected_is_a_reserve_and_in_which_place_or_was_not_selected()
    {
        var decision = Decide();

        var selected = decision.OutcomeOf(France.Id);
        var reserve = decision.OutcomeOf(Italy.Id);
        var blocked = decision.OutcomeOf(KenyaEgm1.Id);
        var fourth = decision.OutcomeOf(Poland.Id);
        var ineligible = decision.OutcomeOf(OutsideWindow.Id);

        Assert.Equal((OfferStatus.Selected, "EGM-1", null), (selected.Outcome, selected.Meeting?.MeetingId, selected.ReservePlace));
        Assert.Equal((OfferStatus.Reserve, "EGM-1", 2), (reserve.Outcome, reserve.Meeting?.MeetingId, reserve.ReservePlace));
        Assert.Equal((OfferStatus.Selected, "EGM-2", null), (decision.OutcomeOf(KenyaEgm2.Id).Outcome, decision.OutcomeOf(KenyaEgm2.Id).Meeting?.MeetingId, decision.OutcomeOf(KenyaEgm2.Id).ReservePlace));
        Assert.Equal((OfferStatus.NotSelected, null, null), (blocked.Outcome, blocked.Meeting, blocked.ReservePlace));
        Assert.Equal((OfferStatus.NotSelected, null, null), (fourth.Outcome, fourth.Meeting, fourth.ReservePlace));
        Assert.Equal(OfferStatus.NotSelected, ineligible.Outcome);
    }

    [Fact]
    public void After_a_promotion_the_new_host_is_selected_and_the_reserves_behind_it_move_up()
    {
        var promoted = DecisionRules.Promote(Call, Decide(), Index("EGM-1"), HostResponse.Declined, Now);

        Assert.Equal(OfferStatus.Selected, promoted.OutcomeOf(Germany.Id).Outcome);
        Assert.Equal((OfferStatus.Reserve, 1), (promoted.OutcomeOf(Italy.Id).Outcome, promoted.OutcomeOf(Italy.Id).ReservePlace));
        Assert.Equal(OfferStatus.NotSelected, promoted.OutcomeOf(France.Id).Outcome);
    }
}
