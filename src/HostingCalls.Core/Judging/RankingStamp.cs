namespace HostingCalls.Core.Judging;

/// <summary>What a ranking is stamped with: its version, when and why it was computed, and from which reviews.</summary>
public sealed record RankingStamp(int Version, DateTimeOffset ComputedAt, RankingReason Reason, int ReviewsRevision);
