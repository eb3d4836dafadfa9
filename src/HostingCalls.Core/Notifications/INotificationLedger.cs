using HostingCalls.Core.Audit;
using HostingCalls.Core.Common;

namespace HostingCalls.Core.Notifications;

/// <summary>The send-once ledger: every notification recorded, and how far it has gone. Every change is by ETag.</summary>
public interface INotificationLedger
{
    Task<Stored<Notification>?> FindAsync(string callId, string notificationId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Stored<Notification>>> ListAsync(string callId, CancellationToken cancellationToken);

    /// <summary>Records the notifications not recorded yet (one call's); returns how many were new.</summary>
    Task<int> RecordAsync(IReadOnlyList<Notification> notifications, CancellationToken cancellationToken);

    /// <summary>
    /// Records all of them (one call's, at most <see cref="NotificationBatch.MaxSize"/>) in one transaction, with
    /// their ETags; null, recording nothing, when one of them is recorded already.
    /// </summary>
    Task<IReadOnlyList<Stored<Notification>>?> TryRecordAllAsync(IReadOnlyList<Notification> notifications, CancellationToken cancellationToken);

    /// <summary>Those of <paramref name="notificationIds"/> (one call's) that are recorded, read together.</summary>
    Task<IReadOnlyList<Stored<Notification>>> FindAllAsync(string callId, IReadOnlyCollection<string> notificationIds, CancellationToken cancellationToken);

    /// <summary>
    /// Moves each notification (one call's, at most <see cref="NotificationBatch.MaxSize"/>, or
    /// <see cref="NotificationBatch.MaxAudited"/> with audit entries) if it still has the ETag it was read with, all in
    /// one transaction with their audit entries (<paramref name="audits"/>, by position, null where the move is not
    /// audited): their new ETags, or null, changing nothing, when one changed first.
    /// </summary>
    Task<IReadOnlyList<string>?> TryMoveAllAsync(IReadOnlyList<NotificationMove> moves, IReadOnlyList<AuditEntry?>? audits, CancellationToken cancellationToken);

    /// <summary>Replaces the notification if it still has <paramref name="etag"/>: its new ETag, or null when another run changed it first.</summary>
    Task<string?> TryReplaceAsync(Notification notification, string etag, CancellationToken cancellationToken) =>
        TryReplaceAsync(notification, etag, null, cancellationToken);

    /// <summary>The same, with the move's audit entry (if the trail keeps it) written in the same transaction.</summary>
    Task<string?> TryReplaceAsync(Notification notification, string etag, AuditEntry? audit, CancellationToken cancellationToken);

    /// <summary>
    /// Notifications of every call that should be on the queue and may not be: recorded before
    /// <paramref name="recordedBefore"/> and never queued, or queued before <paramref name="queuedBefore"/> and never taken.
    /// </summary>
    Task<IReadOnlyList<Stored<Notification>>> ListStrandedAsync(DateTimeOffset recordedBefore, DateTimeOffset queuedBefore, CancellationToken cancellationToken);
}
