namespace HostingCalls.Core.Reviews;

/// <summary>A reviewer's score on one criterion, 1 (poor) to 5 (excellent), with an optional comment.</summary>
public sealed record CriterionScore(ReviewCriterion Criterion, int Score, string? Comment);
