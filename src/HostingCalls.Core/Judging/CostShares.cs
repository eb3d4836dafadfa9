using HostingCalls.Core.Offers;

namespace HostingCalls.Core.Judging;

/// <summary>
/// The share of a meeting's estimated cost each item a host may cover stands for, so that cover in kind can be
/// weighed against cash. They add up to 1: a host covering everything covers the whole estimate.
/// </summary>
public static class CostShares
{
    public const decimal Venue = 0.15m;
    public const decimal Interpretation = 0.15m;
    public const decimal Catering = 0.10m;
    public const decimal LocalTransport = 0.05m;
    public const decimal Accommodation = 0.25m;
    public const decimal ParticipantTravel = 0.30m;

    /// <summary>The USD value of what the host covers in kind, for a meeting estimated at <paramref name="estimatedCostUsd"/>.</summary>
    public static decimal InKindUsd(HostCoverage coverage, decimal estimatedCostUsd)
    {
        var share = (coverage.Venue ? Venue : 0m)
            + (coverage.Interpretation ? Interpretation : 0m)
            + (coverage.Catering ? Catering : 0m)
            + (coverage.LocalTransport ? LocalTransport : 0m)
            + (coverage.Accommodation ? Accommodation : 0m)
            + (coverage.ParticipantTravel ? ParticipantTravel : 0m);
        return decimal.Round(share * estimatedCostUsd, 2);
    }
}
