using HostingCalls.Core.Calls;

namespace HostingCalls.Core.Judging;

/// <summary>
/// A call's ranking as computed at one moment: per meeting, the eligible offers in order with their score
/// components, the recommended host and reserves, the ineligible offers with reasons, and the funding view.
/// Stored as a numbered snapshot that is never changed; a new computation makes a new version.
/// </summary>
/// <param name="Version">1 for the ranking made at close, one more at each re-ranking; 0 for a what-if, which is not stored.</param>
/// <param name="ReviewsRevision">The reviews it was computed from.</param>
public sealed record Ranking(
    string CallId,
    int Version,
    DateTimeOffset ComputedAt,
    RankingReason Reason,
    int ReviewsRevision,
    CriteriaWeights Weights,
    AssignmentRules Rules,
    IReadOnlyList<MeetingRanking> Meetings,
    AssignmentSummary Assignment,
    FundingView Funding,
    int OffersJudged,
    int OffersWithdrawn);
