using HostingCalls.Core.MemberStates;

namespace HostingCalls.Core.Calls;

/// <summary>A call as the secretariat sends it; every field is checked by <see cref="CallRules"/>.</summary>
public sealed class CallInput
{
    public string? Title { get; init; }
    public string? Organisation { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<MeetingInput?>? Meetings { get; init; }
    public DateTimeOffset? OpensAt { get; init; }
    public DateTimeOffset? Deadline { get; init; }
    public string? TimeZone { get; init; }
    public int? GracePeriodMinutes { get; init; }

    /// <summary>What the process still lacks in USD; the ranking shows how much the selected hosts cover of it.</summary>
    public decimal? FundingGapUsd { get; init; }

    /// <summary>Days a selected host has to confirm (default 14).</summary>
    public int? HostConfirmationDays { get; init; }
    public DateTimeOffset? ResultsDate { get; init; }
    public WeightsInput? Weights { get; init; }
    public RulesInput? Rules { get; init; }
}

public sealed class MeetingInput
{
    public string? Id { get; init; }
    public MeetingKind? Kind { get; init; }
    public string? Title { get; init; }
    public DateOnly? WindowStart { get; init; }
    public DateOnly? WindowEnd { get; init; }
    public RegionalGroup? Region { get; init; }
    public int? Participants { get; init; }
    public decimal? EstimatedCostUsd { get; init; }
}

public sealed class WeightsInput
{
    public decimal? CostCoverage { get; init; }
    public decimal? VenueAndLogistics { get; init; }
    public decimal? DateFit { get; init; }
    public decimal? Access { get; init; }
    public decimal? Reviewers { get; init; }
}

public sealed class RulesInput
{
    public bool? OneMeetingPerMemberState { get; init; }
    public bool? RegionalConsultationsInRegion { get; init; }
    public RegionSpread? ExpertGroupRegions { get; init; }
    public decimal? PreferredSpreadPenalty { get; init; }
    public int? ReservesPerMeeting { get; init; }
}
