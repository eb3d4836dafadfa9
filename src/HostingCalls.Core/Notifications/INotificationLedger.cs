namespace HostingCalls.Core.Notifications;

/// <summary>The send-once ledger: every notification recorded, and how far it has gone.</summary>
public interface INotificationLedger
{
    Task MarkQueuedAsync(Notification notification, DateTimeOffset queuedAt, CancellationToken cancellationToken);

    /// <summary>Notifications still only recorded, recorded before <paramref name="recordedBefore"/>.</summary>
    Task<IReadOnlyList<Notification>> ListRecordedAsync(DateTimeOffset recordedBefore, CancellationToken cancellationToken);
}
