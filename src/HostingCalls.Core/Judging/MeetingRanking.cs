using HostingCalls.Core.Calls;
using HostingCalls.Core.MemberStates;

namespace HostingCalls.Core.Judging;

/// <summary>One meeting's part of a ranking.</summary>
/// <param name="HostOfferId">The recommended host's offer, or null when no eligible offer can host it.</param>
/// <param name="Summary">One sentence on the outcome, such as who hosts it and with what score.</param>
/// <param name="Eligible">The offers that passed every gate, best first, each with its outcome.</param>
public sealed record MeetingRanking(
    string MeetingId,
    string Title,
    MeetingKind Kind,
    RegionalGroup? Region,
    decimal EstimatedCostUsd,
    string? HostOfferId,
    string Summary,
    IReadOnlyList<RankedOffer> Eligible,
    IReadOnlyList<IneligibleOffer> Ineligible);
