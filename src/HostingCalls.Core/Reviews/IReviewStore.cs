using HostingCalls.Core.Audit;
using HostingCalls.Core.Common;

namespace HostingCalls.Core.Reviews;

/// <summary>
/// Where reviews are kept. Every saved review advances the call's reviews revision in the same transaction,
/// so a ranking can say which reviews it saw and a later one is known to be needed.
/// </summary>
public interface IReviewStore
{
    Task<Stored<Review>?> FindAsync(string callId, string offerId, string reviewerId, CancellationToken cancellationToken);

    /// <summary>
    /// Adds the review (no <paramref name="etag"/>) or replaces it if it still has <paramref name="etag"/>, with its
    /// audit entry in the same transaction; a lost race is a <see cref="RejectionKind.Stale"/> rejection.
    /// </summary>
    Task<Stored<Review>> SaveAsync(Review review, string? etag, AuditEntry audit, CancellationToken cancellationToken);

    /// <summary>The call's reviews (of one offer, if given), with the revision read before them.</summary>
    Task<ReviewSet> ListAsync(string callId, string? offerId, CancellationToken cancellationToken);

    /// <summary>The call's reviews revision: 0 before the first review.</summary>
    Task<int> RevisionAsync(string callId, CancellationToken cancellationToken);
}
