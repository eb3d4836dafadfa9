namespace HostingCalls.Core.Decisions;

/// <summary>One meeting's host, reserves and the host's confirmation.</summary>
/// <param name="HostOfferId">Null when no eligible offer could host the meeting, or its reserves ran out.</param>
/// <param name="RecommendedOfferId">What the ranking recommended, kept beside an override.</param>
/// <param name="Justification">Why the secretariat chose another host than the recommended one.</param>
/// <param name="ConfirmBy">The date the host must confirm by.</param>
public sealed record MeetingDecision(
    string MeetingId,
    string? HostOfferId,
    string? HostMemberState,
    string? RecommendedOfferId,
    string? Justification,
    IReadOnlyList<DecidedReserve> Reserves,
    HostResponse? Response,
    DateTimeOffset? ConfirmBy,
    IReadOnlyList<FormerHost> FormerHosts)
{
    /// <summary>When the current host confirmed.</summary>
    public DateTimeOffset? RespondedAt { get; init; }
}

/// <summary>A reserve in its place, with its state so that a promotion can respect the call's rules.</summary>
public sealed record DecidedReserve(string OfferId, string MemberState);

/// <summary>A host that declined or did not confirm in time, and when.</summary>
public sealed record FormerHost(string OfferId, string MemberState, HostResponse Response, DateTimeOffset At);
