namespace HostingCalls.Core.Calls;

/// <summary>Whether Expert Group meetings must, should or need not be hosted in distinct regional groups.</summary>
public enum RegionSpread
{
    Required,
    Preferred,
    NotRequired,
}

/// <summary>The constraints the assignment of hosts to meetings obeys.</summary>
/// <param name="PreferredSpreadPenalty">With <see cref="RegionSpread.Preferred"/>: total score lost per Expert Group meeting in a regional group that already hosts one.</param>
public sealed record AssignmentRules(
    bool OneMeetingPerMemberState,
    bool RegionalConsultationsInRegion,
    RegionSpread ExpertGroupRegions,
    decimal PreferredSpreadPenalty)
{
    public static AssignmentRules Default { get; } = new(true, true, RegionSpread.Required, 0.05m);
}
