using HostingCalls.Core.Audit;
using HostingCalls.Core.Common;
using HostingCalls.Core.Notifications;

namespace HostingCalls.Core.Offers;

/// <summary>
/// Where offers are kept. An offer, its idempotency key, its notification and its audit entry are written in one
/// transaction, so an offer never exists without its receipt or its entry, and a key never points to nothing.
/// A stale ETag throws a <see cref="RejectionKind.Stale"/> rejection.
/// </summary>
public interface IOfferStore
{
    Task<Stored<Offer>?> FindAsync(string callId, string offerId, CancellationToken cancellationToken);

    /// <summary>Those of <paramref name="offerIds"/> that exist in the call, read together.</summary>
    Task<IReadOnlyList<Stored<Offer>>> FindAllAsync(string callId, IReadOnlyCollection<string> offerIds, CancellationToken cancellationToken);

    /// <summary>The call's offers, or one state's, in order of submission.</summary>
    Task<IReadOnlyList<Stored<Offer>>> ListAsync(string callId, string? memberState, CancellationToken cancellationToken);

    /// <summary>How many offers the call has, withdrawn ones included, reading their keys only.</summary>
    Task<int> CountAsync(string callId, CancellationToken cancellationToken);

    Task<IdempotencyKey?> FindKeyAsync(string callId, string memberState, string keyHash, CancellationToken cancellationToken);

    /// <summary>Adds the offer with its key, receipt and audit entry; returns null, adding nothing, when the key was taken meanwhile.</summary>
    Task<Stored<Offer>?> AddAsync(Offer offer, IdempotencyKey? key, Notification receipt, AuditEntry audit, CancellationToken cancellationToken);

    /// <summary>Replaces the offer if it still has <paramref name="etag"/>, with the notification of the change if there is one, and its audit entry.</summary>
    Task<Stored<Offer>> ReplaceAsync(Offer offer, string etag, Notification? notification, AuditEntry audit, CancellationToken cancellationToken);
}
