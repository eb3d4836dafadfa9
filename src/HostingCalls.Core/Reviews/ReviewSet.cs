using HostingCalls.Core.Common;
using HostingCalls.Core.Judging;

namespace HostingCalls.Core.Reviews;

/// <summary>Reviews as read together, with the revision they are at least as new as.</summary>
public sealed record ReviewSet(int Revision, IReadOnlyList<Stored<Review>> Reviews)
{
    /// <summary>Each reviewed offer's tally: the mean of its reviewers' means.</summary>
    public IReadOnlyDictionary<string, ReviewTally> Tallies() =>
        Reviews.GroupBy(r => r.Value.OfferId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new ReviewTally(g.Count(), g.Sum(r => r.Value.Mean) / g.Count()), StringComparer.Ordinal);
}
