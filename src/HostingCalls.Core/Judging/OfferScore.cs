namespace HostingCalls.Core.Judging;

/// <summary>How an eligible offer scores, and what it covers of its meeting's cost.</summary>
/// <param name="Total">The weighted sum of the components, 0 to 1.</param>
/// <param name="Points">The total in whole points, exact for the assignment (see <see cref="HostAssignmentSolver.PointsPerUnit"/>).</param>
public sealed record OfferScore(
    ScoreComponents Components,
    decimal Total,
    long Points,
    int ReviewCount,
    decimal InKindUsd,
    decimal CashUsd);
