using HostingCalls.Core.MemberStates;

namespace HostingCalls.Core.Judging;

/// <summary>A meeting that needs a host, with the member states offering to host it.</summary>
/// <param name="RequiredRegion">The regional group a regional consultation must be hosted in; none otherwise.</param>
/// <param name="Candidates">Given best first; their order is the tie-break.</param>
public sealed record MeetingSlot(bool IsExpertGroup, RegionalGroup? RequiredRegion, IReadOnlyList<HostCandidate> Candidates);
