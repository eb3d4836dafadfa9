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
