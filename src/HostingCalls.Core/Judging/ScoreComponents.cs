namespace HostingCalls.Core.Judging;

/// <summary>An offer's five criteria, each from 0 to 1 (4 decimals); <see cref="Reviewers"/> is null until someone reviews it.</summary>
public sealed record ScoreComponents(
    decimal CostCoverage,
    decimal VenueAndLogistics,
    decimal DateFit,
    decimal Access,
    decimal? Reviewers);
