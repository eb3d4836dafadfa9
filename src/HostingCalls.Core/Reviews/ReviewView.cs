using HostingCalls.Core.Common;

namespace HostingCalls.Core.Reviews;

/// <summary>A review as the API shows it, with the ETag for the next change.</summary>
/// <param name="RankingVersion">The ranking version that includes it; null while the re-ranking is pending.</param>
public sealed record ReviewView(
    string OfferId,
    string ReviewerId,
    string ReviewerNationality,
    IReadOnlyList<CriterionScore> Scores,
    decimal Mean,
    DateTimeOffset RecordedAt,
    DateTimeOffset UpdatedAt,
    int? RankingVersion,
    [property: System.Text.Json.Serialization.JsonPropertyName("etag")] string ETag)
{
    public static ReviewView Of(Stored<Review> stored, int? rankingVersion = null)
    {
        var review = stored.Value;
        return new ReviewView(review.OfferId, review.ReviewerId, review.ReviewerNationality, review.Scores, decimal.Round(review.Mean, 4),
            review.RecordedAt, review.UpdatedAt, rankingVersion, stored.ETag);
    }
}
