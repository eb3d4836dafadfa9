using HostingCalls.Core.Calls;
using HostingCalls.Core.MemberStates;

namespace HostingCalls.Core.Judging;

/// <summary>
/// Gives each meeting at most one host under the call's rules: most meetings hosted first, then most points,
/// then the earliest-listed candidates, meeting 0 first. Exact, not greedy.
/// </summary>
/// <remarks>Scores are whole points so that sums are exact and ties are real ties: 1.0 of score = <see cref="PointsPerUnit"/>.</remarks>
public static class HostAssignmentSolver
{
    public const long PointsPerUnit = 1_000_000;

    private static readonly int RegionCount = Enum.GetValues<RegionalGroup>().Length;

    public static HostAssignment Solve(IReadOnlyList<MeetingSlot> slots, AssignmentRules rules)
    {
        ArgumentNullException.ThrowIfNull(slots);
        ArgumentNullException.ThrowIfNull(rules);

        // The bounds assume a host never gains points by sharing a region; CallRules keeps the penalty in 0..1.
        if (rules.PreferredSpreadPenalty < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(rules), rules.PreferredSpreadPenalty, "The preferred spread penalty cannot be negative.");
        }

        var spread = rules.ExpertGroupRegions;
        var penalty = spread == RegionSpread.Preferred ? (long)Math.Round(rules.PreferredSpreadPenalty * PointsPerUnit) : 0L;
        var distinctRegions = spread == RegionSpread.Required;
        var oneMeetingPerState = rules.OneMeetingPerMemberState;

        var count = slots.Count;
        var stateIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var shortlists = new int[count][];
        var states = new int[count][];
        var regions = new int[count][];
        var points = new long[count][];
        var expertGroup = new bool[count];
        for (var s = 0; s < count; s++)
        {
            var slot = slots[s];

            // Without the one-state rule a candidate is bound by its region alone, so one per region is enough.
            var shortlist = Shortlist(slot, rules, oneMeetingPerState ? count : 1);
            shortlists[s] = shortlist;
            states[s] = new int[shortlist.Length];
            regions[s] = new int[shortlist.Length];
            points[s] = new long[shortlist.Length];
            expertGroup[s] = slot.IsExpertGroup;
            for (var k = 0; k < shortlist.Length; k++)
            {
                var candidate = slot.Candidates[shortlist[k]];
                if (!stateIds.TryGetValue(candidate.MemberState, out var id))
                {
                    id = stateIds.Count;
                    stateIds.Add(candidate.MemberState, id);
                }

                states[s][k] = id;
                regions[s][k] = (int)candidate.Region;
                points[s][k] = candidate.Points;
            }
        }

        // Meetings each state hosts, and Expert Group meetings each region hosts, on the current path.
        var stateUse = new int[stateIds.Count];
        var regionUse = new int[RegionCount];
        var path = new int[count];
        var best = new int[count];
        var bestHosted = -1;
        var bestPoints = long.MinValue;

        // Scratch space for the region relaxation.
        var bestInRegion = new long[RegionCount];
        var regionSets = 1 << RegionCount;
        var setHosted = new int[regionSets];
        var setPoints = new long[regionSets];
        var nextHosted = new int[regionSets];
        var nextPoints = new long[regionSets];

        // Scratch space for the state relaxation, a min-cost flow over nodes source, hub, sink, meetings, states.
        const int Source = 0;
        const int Hub = 1;
        const int Sink = 2;
        var nodeCount = 3 + count + stateIds.Count;
        var edgeLimit = 2 * (2 + (2 * count) + shortlists.Sum(shortlist => shortlist.Length) + stateIds.Count);
        var firstEdge = new int[nodeCount];
        var edgeTo = new int[edgeLimit];
        var nextEdge = new int[edgeLimit];
        var room = new int[edgeLimit];
        var edgeCost = new long[edgeLimit];
        var edgeCount = 0;
        var distance = new long[nodeCount];
        var arrivedBy = new int[nodeCount];
        var waiting = new bool[nodeCount];
        var queue = new Queue<int>();
        var stateLinked = new int[stateIds.Count];
        var linkRound = 0;

        bool IsFree(int s, int k) =>
            (!oneMeetingPerState || stateUse[states[s][k]] == 0)
            && (!distinctRegions || !expertGroup[s] || regionUse[regions[s][k]] == 0);

        bool Beats(long hosted, long sum) => hosted > bestHosted || (hosted == bestHosted && sum > bestPoints);

        // Depth first over meetings in order, candidates in list order and "no host" last: that visits assignments
        // in tie-break order, so keeping only strictly better ones leaves the earliest optimum.
        void Explore(int s, int hosted, long sum)
        {
            if (!MayBeat(s, hosted, sum))
            {
                return;
            }

            if (s == count)
            {
                // At the end MayBeat compares the path itself, so it is strictly better than the best so far.
                bestHosted = hosted;
                bestPoints = sum;
                path.CopyTo(best, 0);
                return;
            }

            for (var k = 0; k < shortlists[s].Length; k++)
            {
                if (!IsFree(s, k))
                {
                    continue;
                }

                var state = states[s][k];
                var region = regions[s][k];
                var lost = expertGroup[s] && regionUse[region] > 0 ? penalty : 0L;
                stateUse[state]++;
                if (expertGroup[s])
                {
                    regionUse[region]++;
                }

                path[s] = k;
                Explore(s + 1, hosted + 1, sum + points[s][k] - lost);
                stateUse[state]--;
                if (expertGroup[s])
                {
                    regionUse[region]--;
                }
            }

            path[s] = -1;
            Explore(s + 1, hosted, sum);
        }

        // Whether meetings s onwards could lift the path above the best so far. Two relaxations each cap
        // (hosted, points) for every completion, so the path is dropped when either cannot beat the best.
        // Per-meeting maxima alone are far too loose once many meetings want the same states or the five regions.
        bool MayBeat(int s, int hosted, long sum)
        {
            var (regionHosted, regionPoints) = RegionBound(s);
            if (!Beats(hosted + regionHosted, sum + regionPoints))
            {
                return false;
            }

            if (!oneMeetingPerState || s == count)
            {
                return true;
            }

            var (stateHosted, statePoints) = StateBound(s);
            return Beats(hosted + stateHosted, sum + statePoints);
        }

        // Relaxation 1: later meetings may share states, but Expert Group regions are exact, by going through the
        // meetings with every set of regions that may be in use.
        (int Hosted, long Points) RegionBound(int s)
        {
            var hosted = 0;
            var sum = 0L;
            var usedRegions = 0;
            for (var r = 0; r < RegionCount; r++)
            {
                usedRegions |= regionUse[r] > 0 ? 1 << r : 0;
            }

            Array.Fill(setHosted, -1);
            setHosted[usedRegions] = 0;
            setPoints[usedRegions] = 0;
            for (var t = s; t < count; t++)
            {
                Array.Fill(bestInRegion, long.MinValue);
                for (var k = 0; k < shortlists[t].Length; k++)
                {
                    if (!oneMeetingPerState || stateUse[states[t][k]] == 0)
                    {
                        bestInRegion[regions[t][k]] = Math.Max(bestInRegion[regions[t][k]], points[t][k]);
                    }
                }

                var bestAnywhere = bestInRegion.Max();
                if (bestAnywhere == long.MinValue)
                {
                    continue;
                }

                if (!expertGroup[t])
                {
                    hosted++;
                    sum += bestAnywhere;
                    continue;
                }

                setHosted.CopyTo(nextHosted, 0);
                setPoints.CopyTo(nextPoints, 0);
                for (var set = 0; set < regionSets; set++)
                {
                    if (setHosted[set] < 0)
                    {
                        continue;
                    }

                    for (var r = 0; r < RegionCount; r++)
                    {
                        var taken = (set & (1 << r)) != 0;
                        if (bestInRegion[r] == long.MinValue || (taken && distinctRegions))
                        {
                            continue;
                        }

                        var to = set | (1 << r);
                        var toHosted = setHosted[set] + 1;
                        var toPoints = setPoints[set] + bestInRegion[r] - (taken ? penalty : 0L);
                        if (toHosted > nextHosted[to] || (toHosted == nextHosted[to] && toPoints > nextPoints[to]))
                        {
                            nextHosted[to] = toHosted;
                            nextPoints[to] = toPoints;
                        }
                    }
                }

                (setHosted, nextHosted) = (nextHosted, setHosted);
                (setPoints, nextPoints) = (nextPoints, setPoints);
            }

            var expertHosted = -1;
            var expertPoints = 0L;
            for (var set = 0; set < regionSets; set++)
            {
                if (setHosted[set] > expertHosted || (setHosted[set] == expertHosted && setPoints[set] > expertPoints))
                {
                    expertHosted = setHosted[set];
                    expertPoints = setPoints[set];
                }
            }

            return (hosted + expertHosted, sum + expertPoints);
        }

        // Relaxation 2: each free state hosts at most one later meeting, but regions only count. Expert Group
        // meetings draw from a hub holding one free unit per unused region; beyond that a unit costs the penalty,
        // or is not there when regions must differ. A min-cost max-flow is then most hosted, then most points.
        (int Hosted, long Points) StateBound(int s)
        {
            Array.Fill(firstEdge, -1);
            edgeCount = 0;
            linkRound++;
            var freeRegions = regionUse.Count(use => use == 0);
            if (spread != RegionSpread.NotRequired)
            {
                Link(Source, Hub, freeRegions, 0L);
                if (spread == RegionSpread.Preferred)
                {
                    Link(Source, Hub, count, penalty);
                }
            }

            for (var t = s; t < count; t++)
            {
                var meeting = 3 + t;
                var open = false;
                for (var k = 0; k < shortlists[t].Length; k++)
                {
                    if (!IsFree(t, k))
                    {
                        continue;
                    }

                    var state = states[t][k];
                    if (stateLinked[state] != linkRound)
                    {
                        stateLinked[state] = linkRound;
                        Link(3 + count + state, Sink, 1, 0L);
                    }

                    Link(meeting, 3 + count + state, 1, -points[t][k]);
                    open = true;
                }

                if (open)
                {
                    Link(expertGroup[t] && spread != RegionSpread.NotRequired ? Hub : Source, meeting, 1, 0L);
                }
            }

            // Successive shortest paths keep each flow the cheapest of its size; the graph starts without cycles.
            var hosted = 0;
            var cost = 0L;
            while (true)
            {
                Array.Fill(distance, long.MaxValue);
                distance[Source] = 0;
                queue.Enqueue(Source);
                waiting[Source] = true;
                while (queue.Count > 0)
                {
                    var from = queue.Dequeue();
                    waiting[from] = false;
                    for (var e = firstEdge[from]; e >= 0; e = nextEdge[e])
                    {
                        var to = edgeTo[e];
                        if (room[e] > 0 && distance[from] + edgeCost[e] < distance[to])
                        {
                            distance[to] = distance[from] + edgeCost[e];
                            arrivedBy[to] = e;
                            if (!waiting[to])
                            {
                                waiting[to] = true;
                                queue.Enqueue(to);
                            }
                        }
                    }
                }

                if (distance[Sink] == long.MaxValue)
                {
                    return (hosted, -cost);
                }

                // Every path crosses a meeting-to-state edge of room 1, so each carries one meeting.
                for (var node = Sink; node != Source; node = edgeTo[arrivedBy[node] ^ 1])
                {
                    room[arrivedBy[node]]--;
                    room[arrivedBy[node] ^ 1]++;
                }

                hosted++;
                cost += distance[Sink];
            }
        }

        void Link(int from, int to, int capacity, long cost)
        {
            edgeTo[edgeCount] = to;
            room[edgeCount] = capacity;
            edgeCost[edgeCount] = cost;
            nextEdge[edgeCount] = firstEdge[from];
            firstEdge[from] = edgeCount++;
            edgeTo[edgeCount] = from;
            room[edgeCount] = 0;
            edgeCost[edgeCount] = -cost;
            nextEdge[edgeCount] = firstEdge[to];
            firstEdge[to] = edgeCount++;
        }

        Explore(0, 0, 0L);

        var chosen = new int?[count];
        for (var s = 0; s < count; s++)
        {
            chosen[s] = best[s] < 0 ? null : shortlists[s][best[s]];
        }

        return new HostAssignment(chosen, bestHosted, bestPoints);
    }

    // The candidates of one meeting that the earliest optimum can use, as indices in list order.
    //
    // Why nothing else is needed: rank candidates by points, then list position, and suppose the optimum we return
    // gives this meeting a candidate c that is left off.
    // - c is outside the meeting's required region: it is not allowed at all.
    // - A better-ranked candidate d of the same state and region is kept: d is bound by exactly c's constraints
    //   (with one meeting per state off, by the region alone), so swapping c for d stays feasible.
    // - K = slots.Count better-ranked candidates of c's region with distinct states are kept: the other K-1
    //   meetings use at most K-1 states, so one of them, d, is free; same region means the same spread and penalty.
    // Either swap gains points, or keeps them with an earlier candidate, so that optimum was not the one we return.
    private static int[] Shortlist(MeetingSlot slot, AssignmentRules rules, int perRegion)
    {
        var candidates = slot.Candidates;
        var required = rules.RegionalConsultationsInRegion ? slot.RequiredRegion : null;
        var regionsOpen = required is null ? RegionCount : 1;
        var keptInRegion = new int[RegionCount];
        var fullRegions = 0;
        var seen = new HashSet<(string State, RegionalGroup Region)>();
        var kept = new List<int>();
        foreach (var i in RankOrder(candidates))
        {
            var candidate = candidates[i];
            if ((required is { } region && candidate.Region != region) || keptInRegion[(int)candidate.Region] == perRegion)
            {
                continue;
            }

            var state = rules.OneMeetingPerMemberState ? candidate.MemberState : string.Empty;
            if (!seen.Add((state, candidate.Region)))
            {
                continue;
            }

            kept.Add(i);
            if (++keptInRegion[(int)candidate.Region] == perRegion && ++fullRegions == regionsOpen)
            {
                break;
            }
        }

        kept.Sort();
        return [.. kept];
    }

    // Lists come best first, so the usual case is a lazy walk that stops once every region is full.
    private static IEnumerable<int> RankOrder(IReadOnlyList<HostCandidate> candidates)
    {
        for (var i = 1; i < candidates.Count; i++)
        {
            if (candidates[i].Points > candidates[i - 1].Points)
            {
                return RankedBestOfEachKind(candidates);
            }
        }

        return Enumerable.Range(0, candidates.Count);
    }

    // Only the best of each state and region can make a shortlist, so only those need ranking.
    private static int[] RankedBestOfEachKind(IReadOnlyList<HostCandidate> candidates)
    {
        var bestOfKind = new Dictionary<(string State, RegionalGroup Region), int>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var kind = (candidates[i].MemberState, candidates[i].Region);
            if (!bestOfKind.TryGetValue(kind, out var held) || candidates[i].Points > candidates[held].Points)
            {
                bestOfKind[kind] = i;
            }
        }

        var order = bestOfKind.Values.ToArray();
        Array.Sort(order, (a, b) => candidates[a].Points != candidates[b].Points
            ? candidates[b].Points.CompareTo(candidates[a].Points)
            : a.CompareTo(b));
        return order;
    }
}
