using System.Text.Json;
using CsCheck;
using HostingCalls.Core.Calls;
using HostingCalls.Core.Common;
using HostingCalls.Core.Judging;
using HostingCalls.Core.MemberStates;
using HostingCalls.Core.Offers;
using Xunit.Abstractions;

namespace HostingCalls.Core.UnitTests.Judging;

/// <summary>
/// Properties of <see cref="Judge.Rank"/> (with <see cref="HostAssignmentSolver"/>) over random offers and rules for the
/// 2023 call: deterministic, blind to the order offers come in, every assignment within the rules, and never worse
/// than taking each meeting's best remaining offer in turn.
/// </summary>
[Trait("Category", "Reliability")]
public class RankingPropertyTests(ITestOutputHelper output)
{
    private const int Iterations = 400;
    private static readonly Call Call = Samples.Call();
    private static readonly string[] States = ["KEN", "NGA", "EGY", "IND", "JPN", "CHN", "BRA", "MEX", "FRA", "DEU", "POL", "UKR", "KAZ"];
    private static readonly string[] MeetingIds = [.. Call.Meetings.Select(m => m.Id)];
    private static readonly decimal[] Cash = [0m, 10000m, 25000m, 150000m];
    private static readonly RankingStamp Stamp = new(1, DateTimeOffset.Parse("2023-11-01T00:00:00Z"), RankingReason.Closed, 0);

    private sealed record Case(AssignmentRules Rules, IReadOnlyList<Offer> Offers, int ShuffleSeed)
    {
        public override string ToString() =>
            $"{Rules} | {string.Join(", ", Offers.Select(o => $"{o.MemberState} {o.Details.MeetingId} {o.Details.Coverage.CashUsd} {(o.Attachments.Count == 0 ? "no letter" : "")}"))}";
    }

    private static readonly Gen<AssignmentRules> Rules =
        Gen.Select(Gen.Bool, Gen.Bool, Gen.Enum<RegionSpread>(), Gen.OneOf(0m, 0.05m, 0.3m),
            (one, inRegion, spread, penalty) => new AssignmentRules(one, inRegion, spread, penalty));

    private static readonly Gen<Offer> OfferGen =
        Gen.Select(Gen.Int[0, States.Length - 1], Gen.Int[0, MeetingIds.Length - 1], Gen.Int[0, Cash.Length - 1], Gen.Int[0, 3], Gen.Int[0, 9],
            (state, meeting, cash, minute, letter) =>
            {
                var offer = JudgedOffers.Make(States[state], MeetingIds[meeting], Cash[cash], minute, id: "pending", call: Call);
                return letter == 0 ? offer with { Attachments = [] } : offer; // one in ten has no official letter: ineligible
            });

    private static readonly Gen<Case> Cases =
        Gen.Select(Rules, OfferGen.List[0, 24], Gen.Int, (rules, offers, seed) =>
            new Case(rules, [.. offers.Select((o, i) => o with { Id = $"0190c0de0000700080000000{i:x8}" })], seed));

    private static string Json(Ranking ranking) => JsonSerializer.Serialize(ranking, ApiJson.Options);

    private static Ranking Rank(Case c, IReadOnlyList<Offer> offers) =>
        Judge.Rank(Call, offers, new Dictionary<string, ReviewTally>(), Call.Weights, c.Rules, Stamp);

    [Fact]
    public void The_ranking_is_deterministic_and_the_same_for_any_order_of_the_offers()
    {
        Cases.Sample(c =>
        {
            var first = Json(Rank(c, c.Offers));
            Assert.Equal(first, Json(Rank(c, c.Offers)));
            var shuffled = c.Offers.ToArray();
            new Random(c.ShuffleSeed).Shuffle(shuffled);
            Assert.Equal(first, Json(Rank(c, shuffled)));
            Assert.Equal(first, Json(Rank(c, [.. c.Offers.Reverse()])));
        }, iter: Iterations);
    }

    [Fact]
    public void Every_assignment_keeps_the_rules_and_hosts_only_eligible_offers()
    {
        Cases.Sample(c =>
        {
            var ranking = Rank(c, c.Offers);
            var hosts = ranking.Meetings.Where(m => m.HostOfferId is not null)
                .Select(m => (Meeting: m, Host: m.Eligible.Single(o => o.OfferId == m.HostOfferId))).ToList();
            foreach (var (meeting, host) in hosts)
            {
                Assert.Equal(OfferOutcome.Selected, host.Outcome);
                Assert.DoesNotContain(meeting.Ineligible, i => i.OfferId == host.OfferId);
                var offer = c.Offers.Single(o => o.Id == host.OfferId);
                Assert.Equal((meeting.MeetingId, true), (offer.Details.MeetingId, offer.Attachments.Count > 0));
                if (c.Rules.RegionalConsultationsInRegion && meeting.Kind == MeetingKind.RegionalConsultation)
                {
                    Assert.Equal(meeting.Region, MemberStateDirectory.Find(host.MemberState)!.RegionalGroup);
                }
            }

            Assert.All(ranking.Meetings, m => Assert.Equal(m.HostOfferId is null ? 0 : 1, m.Eligible.Count(o => o.Outcome == OfferOutcome.Selected)));
            if (c.Rules.OneMeetingPerMemberState)
            {
                Assert.Equal(hosts.Count, hosts.Select(h => h.Host.MemberState).Distinct().Count());
            }

            if (c.Rules.ExpertGroupRegions == RegionSpread.Required)
            {
                var expertGroupHosts = hosts.Where(h => h.Meeting.Kind == MeetingKind.ExpertGroup).ToList();
                Assert.Equal(expertGroupHosts.Count, expertGroupHosts.Select(h => h.Host.RegionalGroup).Distinct().Count());
            }

            Assert.Equal(hosts.Count, ranking.Assignment.MeetingsHosted);
        }, iter: Iterations);
    }

    [Fact]
    public void The_assignment_is_never_worse_than_a_greedy_one()
    {
        var better = 0;
        Cases.Sample(c =>
        {
            var ranking = Rank(c, c.Offers);
            var (hosted, total) = Greedy(ranking, c.Rules);
            var exact = (ranking.Assignment.MeetingsHosted, ranking.Assignment.TotalScore);
            // Most meetings hosted comes first; at the same count, the total score after any spread penalty.
            Assert.True(exact.MeetingsHosted > hosted || (exact.MeetingsHosted == hosted && exact.TotalScore >= total),
                $"exact {exact} against greedy ({hosted}, {total})");
            if (exact.MeetingsHosted > hosted || exact.TotalScore > total)
            {
                Interlocked.Increment(ref better);
            }
        }, iter: Iterations);
        output.WriteLine($"figures ranking_properties: cases={Iterations} better_than_greedy={better}");
    }

    /// <summary>Each meeting in the call's order takes its best eligible offer that the hosts chosen so far allow.</summary>
    private static (int Hosted, decimal Total) Greedy(Ranking ranking, AssignmentRules rules)
    {
        var chosen = new List<(MeetingRanking Meeting, RankedOffer Host)>();
        foreach (var meeting in ranking.Meetings)
        {
            var host = meeting.Eligible.FirstOrDefault(o =>
                !(rules.OneMeetingPerMemberState && chosen.Any(c => c.Host.MemberState == o.MemberState))
                && !(rules.RegionalConsultationsInRegion && meeting.Kind == MeetingKind.RegionalConsultation && meeting.Region != o.RegionalGroup)
                && !(rules.ExpertGroupRegions == RegionSpread.Required && meeting.Kind == MeetingKind.ExpertGroup
                     && chosen.Any(c => c.Meeting.Kind == MeetingKind.ExpertGroup && c.Host.RegionalGroup == o.RegionalGroup)));
            if (host is not null)
            {
                chosen.Add((meeting, host));
            }
        }

        var repeats = rules.ExpertGroupRegions == RegionSpread.Preferred
            ? chosen.Where(c => c.Meeting.Kind == MeetingKind.ExpertGroup).GroupBy(c => c.Host.RegionalGroup).Sum(g => g.Count() - 1)
            : 0;
        return (chosen.Count, chosen.Sum(c => c.Host.Score) - repeats * rules.PreferredSpreadPenalty);
    }
}
