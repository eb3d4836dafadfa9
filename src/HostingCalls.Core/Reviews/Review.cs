namespace HostingCalls.Core.Reviews;

/// <summary>One reviewer's scores of one offer; the reviewer may change them until the call is decided.</summary>
/// <param name="ReviewerNationality">Recorded to show the reviewer was not scoring their own country.</param>
public sealed record Review(
    string CallId,
    string OfferId,
    string ReviewerId,
    string ReviewerNationality,
    IReadOnlyList<CriterionScore> Scores,
    DateTimeOffset RecordedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The mean score on a 0–1 scale: 1 of 5 is 0, 5 of 5 is 1.</summary>
    public decimal Mean => Scores.Count == 0 ? 0m : Scores.Sum(s => (s.Score - 1) / 4m) / Scores.Count;
}
