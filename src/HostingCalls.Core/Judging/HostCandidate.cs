using HostingCalls.Core.MemberStates;

namespace HostingCalls.Core.Judging;

/// <summary>A member state offering to host one meeting, with its offer's score in whole points.</summary>
public readonly record struct HostCandidate(string MemberState, RegionalGroup Region, long Points);
