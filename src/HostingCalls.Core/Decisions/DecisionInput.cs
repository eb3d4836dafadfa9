namespace HostingCalls.Core.Decisions;

/// <summary>The secretariat's decision: the ranking version it read, and any meeting whose host it overrides.</summary>
public sealed class DecisionInput
{
    public int? RankingVersion { get; init; }
    public IReadOnlyList<HostOverrideInput?>? Overrides { get; init; }
}

public sealed class HostOverrideInput
{
    public string? MeetingId { get; init; }
    public string? OfferId { get; init; }
    public string? Justification { get; init; }
}
