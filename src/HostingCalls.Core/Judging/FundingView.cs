namespace HostingCalls.Core.Judging;

/// <summary>What the recommended hosts would cover, in cash and in kind, against the funding the call lacks.</summary>
/// <param name="GapUsd">The call's funding gap, or the meetings' estimated costs added up when it sets none.</param>
/// <param name="CoveredShare">Covered against the gap, 0 to 1.</param>
public sealed record FundingView(
    decimal GapUsd,
    decimal CashUsd,
    decimal InKindUsd,
    decimal CoveredUsd,
    decimal RemainingGapUsd,
    decimal CoveredShare,
    IReadOnlyList<MeetingFunding> Meetings);

/// <summary>One meeting's host and what it covers of the meeting's estimated cost.</summary>
public sealed record MeetingFunding(string MeetingId, decimal EstimatedCostUsd, string? HostOfferId, string? MemberState, decimal CashUsd, decimal InKindUsd);
