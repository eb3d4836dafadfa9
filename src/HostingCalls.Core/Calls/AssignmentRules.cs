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
/// <param name="ReservesPerMeeting">How many runners-up each meeting keeps, in order, to replace a host that declines.</param>
public sealed record AssignmentRules(
    bool OneMeetingPerMemberState,
    bool RegionalConsultationsInRegion,
    RegionSpread ExpertGroupRegions,
    decimal PreferredSpreadPenalty,
    int ReservesPerMeeting = AssignmentRules.DefaultReserves)
{
    public const int DefaultReserves = 3;
    public const int MaxReserves = 20;

    public static AssignmentRules Default { get; } = new(true, true, RegionSpread.Required, 0.05m);
}
