namespace HostingCalls.Core.Reviews;

/// <summary>A review as the reviewer sends it: one score for every criterion.</summary>
public sealed class ReviewInput
{
    public IReadOnlyList<CriterionScoreInput?>? Scores { get; init; }
}

public sealed class CriterionScoreInput
{
    public ReviewCriterion? Criterion { get; init; }
    public int? Score { get; init; }
    public string? Comment { get; init; }
}
