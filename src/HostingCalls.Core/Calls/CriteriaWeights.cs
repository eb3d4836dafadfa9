namespace HostingCalls.Core.Calls;

/// <summary>How much each criterion counts in an offer's score; the five add up to 1.</summary>
public sealed record CriteriaWeights(
    decimal CostCoverage,
    decimal VenueAndLogistics,
    decimal DateFit,
    decimal Access,
    decimal Reviewers)
{
    /// <summary>Cost first: the 2023 process had a funding gap of USD 867,684 (HSP/EB.2023/16).</summary>
    public static CriteriaWeights Default { get; } = new(0.35m, 0.20m, 0.10m, 0.15m, 0.20m);

    public decimal Sum => CostCoverage + VenueAndLogistics + DateFit + Access + Reviewers;
}
