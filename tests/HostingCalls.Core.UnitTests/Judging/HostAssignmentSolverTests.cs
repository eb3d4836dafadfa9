using HostingCalls.Core.Calls;
using HostingCalls.Core.Judging;
using HostingCalls.Core.MemberStates;

namespace HostingCalls.Core.UnitTests.Judging;

public class HostAssignmentSolverTests
{
    private const RegionalGroup Africa = RegionalGroup.African;
    private const RegionalGroup AsiaPacific = RegionalGroup.AsiaPacific;
    private const RegionalGroup LatinAmerica = RegionalGroup.LatinAmericanAndCaribbean;
    private const RegionalGroup Western = RegionalGroup.WesternEuropeanAndOthers;

    private static readonly long[] PointSteps = [0, 250_000, 500_000, 750_000, 1_000_000];
    private static readonly decimal[] Penalties = [0m, 0.05m, 0.3m];
    private static readonly int RegionCount = Enum.GetValues<RegionalGroup>().Length;

    [Fact]
    public void One_state_cannot_host_two_meetings_so_the_other_goes_to_the_next_best()
    {
        var slots = new[]
        {
            Consultation(null, ("KEN", Africa, 0.9m), ("FRA", Western, 0.5m)),
            Consultation(null, ("KEN", Africa, 0.8m), ("BRA", LatinAmerica, 0.7m)),
        };

        var result = HostAssignmentSolver.Solve(slots, AssignmentRules.Default);

        Assert.Equal([0, 1], result.Chosen);
        Assert.Equal(2, result.Hosted);
        Assert.Equal(Points(1.6m), result.Points);
    }

    [Fact]
    public void Without_the_one_meeting_rule_a_state_may_host_both()
    {
        var slots = new[]
        {
            Consultation(null, ("KEN", Africa, 0.9m), ("FRA", Western, 0.5m)),
            Consultation(null, ("KEN", Africa, 0.8m), ("BRA", LatinAmerica, 0.7m)),
        };

        var result = HostAssignmentSolver.Solve(slots, AssignmentRules.Default with { OneMeetingPerMemberState = false });

        Assert.Equal([0, 0], result.Chosen);
        Assert.Equal(Points(1.7m), result.Points);
    }

    [Fact]
    public void Required_spread_puts_expert_group_meetings_in_distinct_regions_even_at_a_cost()
    {
        var result = HostAssignmentSolver.Solve(TwoAfricanExpertGroups(), AssignmentRules.Default);

        Assert.Equal([0, 1], result.Chosen);
        Assert.Equal(Points(1.2m), result.Points);
    }

    [Fact]
    public void Preferred_spread_takes_a_same_region_host_worth_more_than_the_penalty()
    {
        var rules = AssignmentRules.Default with { ExpertGroupRegions = RegionSpread.Preferred, PreferredSpreadPenalty = 0.05m };

        var result = HostAssignmentSolver.Solve(TwoAfricanExpertGroups(), rules);

        Assert.Equal([0, 0], result.Chosen);
        Assert.Equal(Points(0.9m + 0.85m - 0.05m), result.Points);
    }

    [Fact]
    public void Preferred_spread_refuses_a_same_region_host_not_worth_the_penalty()
    {
        var rules = AssignmentRules.Default with { ExpertGroupRegions = RegionSpread.Preferred, PreferredSpreadPenalty = 0.6m };

        var result = HostAssignmentSolver.Solve(TwoAfricanExpertGroups(), rules);

        Assert.Equal([0, 1], result.Chosen);
        Assert.Equal(Points(1.2m), result.Points);
    }

    [Fact]
    public void A_regional_consultation_is_never_hosted_outside_its_region()
    {
        var slots = new[]
        {
            Consultation(LatinAmerica, ("FRA", Western, 1.0m), ("BRA", LatinAmerica, 0.4m)),
            Consultation(AsiaPacific, ("DEU", Western, 1.0m)),
        };

        var result = HostAssignmentSolver.Solve(slots, AssignmentRules.Default);

        Assert.Equal([1, null], result.Chosen);
        Assert.Equal(1, result.Hosted);
    }

    [Fact]
    public void A_meeting_nobody_can_host_stays_without_a_host_while_the_others_are_assigned()
    {
        var slots = new[]
        {
            Consultation(Africa, ("FRA", Western, 0.9m)),
            Consultation(null, ("KEN", Africa, 0.6m)),
            Consultation(Western, ("FRA", Western, 0.7m)),
        };

        var result = HostAssignmentSolver.Solve(slots, AssignmentRules.Default);

        Assert.Equal([null, 0, 0], result.Chosen);
        Assert.Equal(2, result.Hosted);
        Assert.Equal(Points(1.3m), result.Points);
    }

    [Fact]
    public void Ties_go_to_the_candidate_listed_first_and_to_the_earlier_meeting()
    {
        var slots = new[]
        {
            Consultation(null, ("KEN", Africa, 0.5m), ("NGA", Africa, 0.5m)),
            Consultation(null, ("KEN", Africa, 0.5m), ("NGA", Africa, 0.5m)),
        };

        var result = HostAssignmentSolver.Solve(slots, AssignmentRules.Default);

        Assert.Equal([0, 1], result.Chosen);
    }

    [Fact]
    public void Hosting_more_meetings_beats_a_higher_total_with_fewer()
    {
        var slots = new[]
        {
            Consultation(null, ("KEN", Africa, 1.0m), ("NGA", Africa, 0.0m)),
            Consultation(null, ("KEN", Africa, 0.2m)),
        };

        var result = HostAssignmentSolver.Solve(slots, AssignmentRules.Default);

        Assert.Equal([1, 0], result.Chosen);
        Assert.Equal(2, result.Hosted);
        Assert.Equal(Points(0.2m), result.Points);
    }

    [Fact]
    public void No_meetings_means_nothing_hosted()
    {
        var result = HostAssignmentSolver.Solve([], AssignmentRules.Default);

        Assert.Empty(result.Chosen);
        Assert.Equal(0, result.Hosted);
        Assert.Equal(0, result.Points);
    }

    [Fact]
    public void Agrees_with_brute_force_on_small_calls()
    {
        var random = new Random(20231130);
        for (var instance = 0; instance < 1000; instance++)
        {
            var (slots, rules) = RandomCall(random, slotCount: random.Next(1, 5), maxCandidates: 6, statePool: random.Next(4, 6), regionPool: random.Next(2, 4));
            AssertAgrees(slots, rules, $"small call #{instance} (seed 20231130)");
        }
    }

    [Fact]
    public void Agrees_with_brute_force_when_one_region_has_more_candidates_than_meetings()
    {
        var random = new Random(20231201);
        var capMatters = 0;
        for (var instance = 0; instance < 300; instance++)
        {
            var slotCount = random.Next(5, 7);
            var (slots, rules) = RandomCall(random, slotCount, maxCandidates: 12, statePool: random.Next(7, 11), regionPool: random.Next(1, 3));

            // Without the one-state rule nearly every combination is feasible; keep the brute force quick.
            if (!rules.OneMeetingPerMemberState)
            {
                slots = [.. slots.Select(slot => slot with { Candidates = [.. slot.Candidates.Take(5)] })];
            }

            if (rules.OneMeetingPerMemberState && slots.Any(slot => slot.Candidates
                .Where(c => Allowed(rules, slot, c))
                .GroupBy(c => c.Region)
                .Any(sameRegion => sameRegion.Select(c => c.MemberState).Distinct().Count() > slots.Length)))
            {
                capMatters++;
            }

            AssertAgrees(slots, rules, $"larger call #{instance} (seed 20231201)");
        }

        Assert.True(capMatters >= 30, $"Only {capMatters} calls have a region with more states than meetings.");
    }

    [Fact]
    public void A_hundred_thousand_candidates_give_a_feasible_assignment_no_single_change_improves()
    {
        var random = new Random(7);
        var states = Enumerable.Range(1, 193).Select(n => $"S{n:000}").ToArray();
        var regions = Enum.GetValues<RegionalGroup>();

        // A state's offers score alike across meetings, so the same few states lead every list and clash.
        var standing = states.Select(_ => random.Next(0, 800_001)).ToArray();
        RegionalGroup?[] required = [null, null, null, Africa, Western];
        var slots = required.Select(region => new MeetingSlot(
            IsExpertGroup: region is null,
            region,
            [.. Enumerable.Range(0, 20_000)
                .Select(_ =>
                {
                    var state = random.Next(states.Length);
                    return new HostCandidate(states[state], regions[state % regions.Length], standing[state] + random.Next(0, 200_001));
                })
                .OrderByDescending(candidate => candidate.Points)])).ToArray();
        var rules = AssignmentRules.Default;

        var result = HostAssignmentSolver.Solve(slots, rules);

        var score = Evaluate(slots, rules, ToIndices(result.Chosen));
        Assert.NotNull(score);
        Assert.Equal((result.Hosted, result.Points), score.Value);
        Assert.Equal(5, result.Hosted);

        var chosen = ToIndices(result.Chosen);
        for (var s = 0; s < slots.Length; s++)
        {
            var original = chosen[s];
            for (var other = -1; other < slots[s].Candidates.Count; other++)
            {
                if (other == original)
                {
                    continue;
                }

                chosen[s] = other;
                if (Evaluate(slots, rules, chosen) is { } changed)
                {
                    Assert.True(
                        Compare(changed, score.Value) < 0 || (Compare(changed, score.Value) == 0 && !IsEarlier(chosen, ToIndices(result.Chosen))),
                        $"Meeting {s} would do better with candidate {other} than {original}.");
                }
            }

            chosen[s] = original;
        }
    }

    private static void AssertAgrees(IReadOnlyList<MeetingSlot> slots, AssignmentRules rules, string instance)
    {
        var expected = BruteForce(slots, rules);
        var actual = HostAssignmentSolver.Solve(slots, rules);
        var actualChosen = ToIndices(actual.Chosen);

        Assert.True(
            expected.Chosen.SequenceEqual(actualChosen) && expected.Hosted == actual.Hosted && expected.Points == actual.Points,
            $"{instance}: expected [{string.Join(", ", expected.Chosen)}] hosting {expected.Hosted} for {expected.Points}, "
            + $"got [{string.Join(", ", actualChosen)}] hosting {actual.Hosted} for {actual.Points}. Rules {rules}. Meetings: "
            + string.Join("; ", slots.Select(slot =>
                $"{(slot.IsExpertGroup ? "EG" : "RC")} {slot.RequiredRegion?.ToString() ?? "-"}: "
                + string.Join(" ", slot.Candidates.Select(c => $"{c.MemberState}/{c.Region}/{c.Points}")))));
    }

    private static (MeetingSlot[] Slots, AssignmentRules Rules) RandomCall(Random random, int slotCount, int maxCandidates, int statePool, int regionPool)
    {
        var regions = Enum.GetValues<RegionalGroup>().OrderBy(_ => random.Next()).Take(regionPool).ToArray();
        var slots = new MeetingSlot[slotCount];
        for (var s = 0; s < slotCount; s++)
        {
            var candidates = Enumerable.Range(0, random.Next(0, maxCandidates + 1))
                .Select(_ => new HostCandidate(
                    $"M{random.Next(statePool)}",
                    regions[random.Next(regions.Length)],
                    PointSteps[random.Next(PointSteps.Length)]))
                .ToArray();

            // Usually best first as callers send them; sometimes not, which the solver must still get right.
            if (random.Next(4) > 0)
            {
                candidates = [.. candidates.OrderByDescending(c => c.Points)];
            }

            RegionalGroup? required = random.Next(3) == 0 ? null : regions[random.Next(regions.Length)];
            slots[s] = new MeetingSlot(random.Next(2) == 0, required, candidates);
        }

        var rules = AssignmentRules.Default with
        {
            OneMeetingPerMemberState = random.Next(4) > 0,
            RegionalConsultationsInRegion = random.Next(2) == 0,
            ExpertGroupRegions = (RegionSpread)random.Next(3),
            PreferredSpreadPenalty = Penalties[random.Next(Penalties.Length)],
        };
        return (slots, rules);
    }

    // The reference: every combination of no host or one candidate per meeting, checked against the rules as stated.
    private static (int[] Chosen, int Hosted, long Points) BruteForce(IReadOnlyList<MeetingSlot> slots, AssignmentRules rules)
    {
        int[]? bestChosen = null;
        (int Hosted, long Points) bestScore = default;
        var chosen = new int[slots.Count];

        void Enumerate(int s)
        {
            if (s == slots.Count)
            {
                // Only assignments that obey the rules get this far.
                var score = Score(slots, rules, chosen);
                var order = bestChosen is null ? 1 : Compare(score, bestScore);
                if (order > 0 || (order == 0 && IsEarlier(chosen, bestChosen!)))
                {
                    bestChosen = [.. chosen];
                    bestScore = score;
                }

                return;
            }

            for (var k = -1; k < slots[s].Candidates.Count; k++)
            {
                chosen[s] = k;

                // Rules only forbid single hosts and pairs, so an infeasible start cannot be rescued by later meetings.
                if (k < 0 || Fits(slots, rules, chosen, s))
                {
                    Enumerate(s + 1);
                }
            }
        }

        Enumerate(0);
        return (bestChosen!, bestScore.Hosted, bestScore.Points);
    }

    // Hosted and points of an assignment (-1 = no host), or null when it breaks a rule.
    private static (int Hosted, long Points)? Evaluate(IReadOnlyList<MeetingSlot> slots, AssignmentRules rules, int[] chosen) =>
        Enumerable.Range(0, slots.Count).All(s => chosen[s] < 0 || Fits(slots, rules, chosen, s)) ? Score(slots, rules, chosen) : null;

    // Hosted and points of an assignment known to obey the rules.
    private static (int Hosted, long Points) Score(IReadOnlyList<MeetingSlot> slots, AssignmentRules rules, int[] chosen)
    {
        var hosted = 0;
        var points = 0L;
        var expertPicks = 0;
        Span<bool> expertRegions = stackalloc bool[RegionCount];
        var distinctRegions = 0;
        for (var s = 0; s < slots.Count; s++)
        {
            if (chosen[s] < 0)
            {
                continue;
            }

            var host = slots[s].Candidates[chosen[s]];
            hosted++;
            points += host.Points;
            if (slots[s].IsExpertGroup)
            {
                expertPicks++;
                if (!expertRegions[(int)host.Region])
                {
                    expertRegions[(int)host.Region] = true;
                    distinctRegions++;
                }
            }
        }

        var penalty = rules.ExpertGroupRegions == RegionSpread.Preferred
            ? (long)Math.Round(rules.PreferredSpreadPenalty * HostAssignmentSolver.PointsPerUnit)
            : 0L;
        return (hosted, points - (penalty * (expertPicks - distinctRegions)));
    }

    // Whether meeting s's host obeys the rules on its own and beside the hosts of earlier meetings.
    private static bool Fits(IReadOnlyList<MeetingSlot> slots, AssignmentRules rules, int[] chosen, int s)
    {
        var host = slots[s].Candidates[chosen[s]];
        if (!Allowed(rules, slots[s], host))
        {
            return false;
        }

        for (var t = 0; t < s; t++)
        {
            if (chosen[t] >= 0 && Clash(rules, slots[t], slots[t].Candidates[chosen[t]], slots[s], host))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Allowed(AssignmentRules rules, MeetingSlot slot, HostCandidate host) =>
        !rules.RegionalConsultationsInRegion || slot.RequiredRegion is not { } region || host.Region == region;

    private static bool Clash(AssignmentRules rules, MeetingSlot slot, HostCandidate host, MeetingSlot otherSlot, HostCandidate otherHost) =>
        (rules.OneMeetingPerMemberState && string.Equals(host.MemberState, otherHost.MemberState, StringComparison.Ordinal))
        || (rules.ExpertGroupRegions == RegionSpread.Required && slot.IsExpertGroup && otherSlot.IsExpertGroup && host.Region == otherHost.Region);

    private static int Compare((int Hosted, long Points) left, (int Hosted, long Points) right) =>
        left.Hosted != right.Hosted ? left.Hosted.CompareTo(right.Hosted) : left.Points.CompareTo(right.Points);

    // Meeting 0 first; a smaller index is better and no host is worse than any.
    private static bool IsEarlier(int[] left, int[] right)
    {
        for (var s = 0; s < left.Length; s++)
        {
            var l = left[s] < 0 ? int.MaxValue : left[s];
            var r = right[s] < 0 ? int.MaxValue : right[s];
            if (l != r)
            {
                return l < r;
            }
        }

        return false;
    }

    private static int[] ToIndices(IReadOnlyList<int?> chosen) => [.. chosen.Select(k => k ?? -1)];

    private static MeetingSlot[] TwoAfricanExpertGroups() =>
    [
        ExpertGroup(("KEN", Africa, 0.9m), ("DEU", Western, 0.2m)),
        ExpertGroup(("NGA", Africa, 0.85m), ("JPN", AsiaPacific, 0.3m)),
    ];

    private static MeetingSlot Consultation(RegionalGroup? region, params (string State, RegionalGroup Region, decimal Score)[] candidates) =>
        new(false, region, Candidates(candidates));

    private static MeetingSlot ExpertGroup(params (string State, RegionalGroup Region, decimal Score)[] candidates) =>
        new(true, null, Candidates(candidates));

    private static HostCandidate[] Candidates((string State, RegionalGroup Region, decimal Score)[] candidates) =>
        [.. candidates.Select(c => new HostCandidate(c.State, c.Region, Points(c.Score)))];

    private static long Points(decimal score) => (long)(score * HostAssignmentSolver.PointsPerUnit);
}
