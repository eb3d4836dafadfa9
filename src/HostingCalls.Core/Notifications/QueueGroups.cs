using HostingCalls.Core.Common;

namespace HostingCalls.Core.Notifications;

/// <summary>
/// Puts notifications claimed at about the same time on the queue together: while one call's message is being
/// sent, the notifications of that call claimed meanwhile wait and go out as the next message (a batch of at most
/// <see cref="NotificationBatch.MaxSize"/>, or a single message when alone). Every caller still returns only once
/// its own notification is on the queue, or with the queue's failure; nothing waits when nothing else is sending.
/// </summary>
internal sealed class QueueGroups(INotificationQueue queue)
{
    private readonly ArrivalGroups<string> _groups = new(
        (callId, ids) => ids.Count == 1
            ? queue.EnqueueAsync(new NotificationMessage(callId, ids[0]), CancellationToken.None)
            : queue.EnqueueAsync(new NotificationBatch(callId, [.. ids]), CancellationToken.None),
        (ids, _) => ids.Count < NotificationBatch.MaxSize);

    public Task EnqueueAsync(Notification claimed, CancellationToken cancellationToken) =>
        _groups.AddAsync(claimed.CallId, claimed.Id, cancellationToken);
}
