namespace HostingCalls.Core.MemberStates;

/// <summary>A UN Member State by its ISO 3166-1 alpha-3 code.</summary>
public sealed record MemberState(string Code, string Name, RegionalGroup RegionalGroup);
