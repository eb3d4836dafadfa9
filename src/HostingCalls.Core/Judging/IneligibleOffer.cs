using HostingCalls.Core.Offers;

namespace HostingCalls.Core.Judging;

/// <summary>An offer that failed a compliance gate: not scored, with every gate it failed.</summary>
public sealed record IneligibleOffer(
    string OfferId,
    string MemberState,
    string MemberStateName,
    string City,
    DateRange ProposedDates,
    DateTimeOffset SubmittedAt,
    IReadOnlyList<GateFailure> Failures,
    string Reason);
