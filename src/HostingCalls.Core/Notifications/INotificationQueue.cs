namespace HostingCalls.Core.Notifications;

public interface INotificationQueue
{
    Task EnqueueAsync(NotificationMessage message, CancellationToken cancellationToken);

    Task EnqueueAsync(NotificationBatch batch, CancellationToken cancellationToken);
}
