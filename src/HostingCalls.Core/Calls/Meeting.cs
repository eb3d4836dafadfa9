using HostingCalls.Core.MemberStates;

namespace HostingCalls.Core.Calls;

/// <summary>One meeting a host is sought for.</summary>
/// <param name="Region">The regional group a regional consultation must be hosted in; none for an Expert Group meeting.</param>
/// <param name="Participants">Seats the venue must offer.</param>
/// <param name="EstimatedCostUsd">Extra cost the secretariat expects, against which a host's coverage is judged.</param>
public sealed record Meeting(
    string Id,
    MeetingKind Kind,
    string Title,
    DateOnly WindowStart,
    DateOnly WindowEnd,
    RegionalGroup? Region,
    int Participants,
    decimal EstimatedCostUsd);
