using Microsoft.Extensions.Logging;

namespace HostingCalls.Core.Notifications;

/// <summary>
/// Puts recorded notifications on the queue. A change and its notification are stored together first; the queue
/// comes after, so if the queue is down the notification waits in the ledger and the outbox timer sends it on.
/// A notification queued twice is harmless: the sender checks the ledger before sending.
/// </summary>
public sealed partial class NotificationOutbox(INotificationQueue queue, INotificationLedger ledger, TimeProvider clock, ILogger<NotificationOutbox> logger)
{
    /// <summary>How long a recorded notification is left to the request that recorded it before the timer takes it.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMinutes(2);

    /// <summary>Queues one notification now; a failure is logged and left to the timer, never thrown at the caller.</summary>
    public async Task<bool> TryQueueAsync(Notification notification, CancellationToken cancellationToken)
    {
        try
        {
            await QueueAsync(notification, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogQueueFailed(logger, exception, notification.Id);
            return false;
        }
    }

    /// <summary>Queues every notification recorded more than <see cref="Settle"/> ago and still not queued.</summary>
    public async Task<int> QueueRecordedAsync(CancellationToken cancellationToken)
    {
        var waiting = await ledger.ListRecordedAsync(clock.GetUtcNow() - Settle, cancellationToken);
        foreach (var notification in waiting)
        {
            await QueueAsync(notification, cancellationToken);
        }

        return waiting.Count;
    }

    private async Task QueueAsync(Notification notification, CancellationToken cancellationToken)
    {
        await queue.EnqueueAsync(notification.Message, cancellationToken);
        await ledger.MarkQueuedAsync(notification, clock.GetUtcNow(), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {NotificationId} is recorded but could not be queued; the outbox timer will queue it")]
    private static partial void LogQueueFailed(ILogger logger, Exception exception, string notificationId);
}
