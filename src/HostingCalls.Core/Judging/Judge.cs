using System.Globalization;
using HostingCalls.Core.Calls;
using HostingCalls.Core.MemberStates;
using HostingCalls.Core.Offers;

namespace HostingCalls.Core.Judging;

/// <summary>
/// Judges a call's offers: compliance gates, weighted scores, the exact assignment of hosts, reserves and reasons.
/// Pure and deterministic: the same offers and reviews in any order give the same ranking.
/// </summary>
public static class Judge
{
    /// <summary>Within a meeting: higher score, then higher cost coverage, then earlier submission, then offer id.</summary>
    private static readonly Comparison<Candidate> Order = (a, b) =>
    {
        var byScore = b.Score.Points.CompareTo(a.Score.Points);
        if (byScore != 0) return byScore;
        var byCoverage = b.Score.Components.CostCoverage.CompareTo(a.Score.Components.CostCoverage);
        if (byCoverage != 0) return byCoverage;
        var bySubmission = a.Offer.SubmittedAt.CompareTo(b.Offer.SubmittedAt);
        return bySubmission != 0 ? bySubmission : string.CompareOrdinal(a.Offer.Id, b.Offer.Id);
    };

    public static Ranking Rank(
        Call call,
        IReadOnlyList<Offer> offers,
        IReadOnlyDictionary<string, ReviewTally> reviews,
        CriteriaWeights weights,
        AssignmentRules rules,
        RankingStamp stamp)
    {
        var meetings = call.Meetings;
        var index = meetings.Select((m, i) => (m.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var eligible = meetings.Select(_ => new List<Candidate>()).ToArray();
        var ineligible = meetings.Select(_ => new List<IneligibleOffer>()).ToArray();
        var withdrawn = 0;
        foreach (var offer in offers)
        {
            if (offer.Status == OfferStatus.Withdrawn)
            {
                withdrawn++;
                continue;
            }

            if (!index.TryGetValue(offer.Details.MeetingId, out var m))
            {
                continue; // Meetings are fixed once a call opens; an offer always names one of them.
            }

            var meeting = meetings[m];
            var state = MemberStateDirectory.Find(offer.MemberState)
                ?? throw new InvalidOperationException($"Offer {offer.Id} is from an unknown Member State.");
            var failures = ComplianceGates.Check(offer, meeting, rules);
            if (failures.Count > 0)
            {
                ineligible[m].Add(new IneligibleOffer(offer.Id, state.Code, state.Name, offer.Details.City, offer.Details.ProposedDates,
                    offer.SubmittedAt, failures, "ineligible: " + string.Join(" ", failures.Select(f => f.Reason))));
                continue;
            }

            var tally = reviews.TryGetValue(offer.Id, out var t) ? t : ReviewTally.None;
            eligible[m].Add(new Candidate(offer, state, OfferScoring.Score(offer, meeting, weights, tally)));
        }

        foreach (var list in eligible)
        {
            list.Sort(Order);
        }

        var slots = meetings.Select((meeting, m) => new MeetingSlot(
            meeting.Kind == MeetingKind.ExpertGroup,
            meeting.Kind == MeetingKind.RegionalConsultation ? meeting.Region : null,
            [.. eligible[m].Select(c => new HostCandidate(c.State.Code, c.State.RegionalGroup, c.Score.Points))])).ToList();
        var assignment = HostAssignmentSolver.Solve(slots, rules);
        var hosts = meetings.Select((_, m) => assignment.Chosen[m] is { } chosen ? eligible[m][chosen] : null).ToArray();

        var rankings = meetings.Select((meeting, m) => new MeetingRanking(
            meeting.Id, meeting.Title, meeting.Kind, meeting.Region, meeting.EstimatedCostUsd, hosts[m]?.Offer.Id,
            Summary(meeting, hosts[m], eligible[m].Count),
            Outcomes(meetings, m, eligible[m], hosts, rules),
            [.. ineligible[m].OrderBy(o => o.SubmittedAt).ThenBy(o => o.OfferId, StringComparer.Ordinal)])).ToList();

        var hostPoints = hosts.Sum(h => h?.Score.Points ?? 0);
        return new Ranking(call.Id, stamp.Version, stamp.ComputedAt, stamp.Reason, stamp.ReviewsRevision, weights, rules, rankings,
            new AssignmentSummary(meetings.Count, assignment.Hosted, ToScore(assignment.Points), ToScore(hostPoints - assignment.Points)),
            Funding(call, hosts),
            eligible.Sum(e => e.Count) + ineligible.Sum(i => i.Count),
            withdrawn);
    }

    private static List<RankedOffer> Outcomes(IReadOnlyList<Meeting> meetings, int m, List<Candidate> candidates, Candidate?[] hosts, AssignmentRules rules)
    {
        var meeting = meetings[m];
        var host = hosts[m];
        var ranked = new List<RankedOffer>(candidates.Count);
        var reserves = 0;
        var hostStates = hosts.Select(h => h?.State).ToList();
        for (var rank = 1; rank <= candidates.Count; rank++)
        {
            var candidate = candidates[rank - 1];
            OfferOutcome outcome;
            string reason;
            int? place = null;
            if (ReferenceEquals(candidate, host))
            {
                outcome = OfferOutcome.Selected;
                reason = rank == 1
                    ? $"selected for {meeting.Id}: the highest score, {Format(candidate.Score.Total)}"
                    : $"selected for {meeting.Id}: {Format(candidate.Score.Total)}, rank {rank}; every offer ranked above it hosts another meeting or would break the call's rules";
            }
            else if (HostConflicts.Find(meetings, m, candidate.State, hostStates, rules) is { } blocker)
            {
                outcome = OfferOutcome.NotSelected;
                reason = $"not selected for {meeting.Id}: {blocker}";
            }
            else if (host is not null && reserves < rules.ReservesPerMeeting)
            {
                outcome = OfferOutcome.Reserve;
                place = ++reserves;
                reason = $"reserve {place} for {meeting.Id}: {Format(candidate.Score.Total)} against the host's {Format(host.Score.Total)}";
            }
            else
            {
                outcome = OfferOutcome.NotSelected;
                reason = host is null
                    ? $"not selected for {meeting.Id}"
                    : $"not selected for {meeting.Id}: {Format(candidate.Score.Total)} against the host's {Format(host.Score.Total)}, below the {rules.ReservesPerMeeting} reserves";
            }

            var offer = candidate.Offer;
            ranked.Add(new RankedOffer(rank, offer.Id, candidate.State.Code, candidate.State.Name, candidate.State.RegionalGroup,
                offer.Details.City, offer.Details.ProposedDates, candidate.Score.Total, candidate.Score.Components, candidate.Score.ReviewCount,
                candidate.Score.InKindUsd, candidate.Score.CashUsd, offer.SubmittedAt, outcome, place, reason));
        }

        return ranked;
    }

    private static string Summary(Meeting meeting, Candidate? host, int eligibleCount) =>
        host is not null
            ? $"{host.State.Name} ({host.Offer.Details.City}) recommended to host {meeting.Id} with {Format(host.Score.Total)}, out of {eligibleCount} eligible offer{(eligibleCount == 1 ? "" : "s")}"
            : eligibleCount == 0
                ? $"no host for {meeting.Id}: no eligible offer"
                : $"no host for {meeting.Id}: every eligible offer comes from a state or region hosting another meeting";

    private static FundingView Funding(Call call, Candidate?[] hosts)
    {
        var meetings = call.Meetings.Select((meeting, m) => new MeetingFunding(meeting.Id, meeting.EstimatedCostUsd,
            hosts[m]?.Offer.Id, hosts[m]?.State.Code, hosts[m]?.Score.CashUsd ?? 0m, hosts[m]?.Score.InKindUsd ?? 0m)).ToList();
        var gap = call.FundingGapUsd ?? call.Meetings.Sum(m => m.EstimatedCostUsd);
        var cash = meetings.Sum(f => f.CashUsd);
        var inKind = meetings.Sum(f => f.InKindUsd);
        var covered = cash + inKind;
        return new FundingView(gap, cash, inKind, covered, Math.Max(0m, gap - covered),
            gap == 0m ? 1m : decimal.Round(Math.Min(1m, covered / gap), 4), meetings);
    }

    private static decimal ToScore(long points) => points / (decimal)HostAssignmentSolver.PointsPerUnit;

    private static string Format(decimal score) => score.ToString("0.0000", CultureInfo.InvariantCulture);

    private sealed record Candidate(Offer Offer, MemberState State, OfferScore Score);
}
