namespace HostingCalls.Core.Calls;

/// <summary>Which stored ranking snapshot is the call's current one.</summary>
/// <param name="ReviewsRevision">The reviews revision it was computed from: a later one means it needs re-ranking.</param>
/// <param name="OfferCount">The offers it saw, withdrawn ones included: more now means one was committed late.</param>
public sealed record RankingRef(int Version, DateTimeOffset ComputedAt, int ReviewsRevision, int OfferCount);
