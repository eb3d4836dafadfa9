using HostingCalls.Core.Notifications;
using Microsoft.Azure.Functions.Worker;

namespace HostingCalls.Functions.Timers;

/// <summary>Queues notifications that were recorded but could not be queued when they were made, or whose message was lost.</summary>
public sealed class NotificationOutboxTimer(NotificationOutbox outbox)
{
    [Function(nameof(QueueRecordedNotifications))]
    public Task QueueRecordedNotifications(
        [TimerTrigger("%" + AppSettingNames.NotificationOutboxSchedule + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        outbox.QueueStrandedAsync(cancellationToken);
}
