namespace HostingCalls.Core.Notifications;

/// <summary>
/// Puts notifications claimed at about the same time on the queue together: while one call's message is being
/// sent, the notifications of that call claimed meanwhile wait and go out as the next message (a batch of at most
/// <see cref="NotificationBatch.MaxSize"/>, or a single message when alone). Every caller still returns only once
/// its own notification is on the queue, or with the queue's failure; nothing waits when nothing else is sending.
/// </summary>
internal sealed class QueueGroups(INotificationQueue queue)
{
    private readonly Dictionary<string, Queue<Group>> _waiting = new(StringComparer.Ordinal);

    public Task EnqueueAsync(Notification claimed, CancellationToken cancellationToken)
    {
        Group group;
        bool sending;
        lock (_waiting)
        {
            sending = _waiting.TryGetValue(claimed.CallId, out var groups);
            groups ??= _waiting[claimed.CallId] = new Queue<Group>();
            if (groups.Count == 0 || groups.Last() is { Started: true } or { Ids.Count: >= NotificationBatch.MaxSize })
            {
                groups.Enqueue(new Group());
            }

            group = groups.Last();
            group.Ids.Add(claimed.Id);
        }

        if (!sending)
        {
            _ = SendAllAsync(claimed.CallId);
        }

        return group.Sent.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Sends the call's groups in turn until none is waiting; not tied to one request, so no caller's cancellation stops the others' message.</summary>
    private async Task SendAllAsync(string callId)
    {
        while (true)
        {
            Group group;
            lock (_waiting)
            {
                var groups = _waiting[callId];
                if (!groups.TryPeek(out group!))
                {
                    _waiting.Remove(callId);
                    return;
                }

                group.Started = true;
            }

            try
            {
                await (group.Ids.Count == 1
                    ? queue.EnqueueAsync(new NotificationMessage(callId, group.Ids[0]), CancellationToken.None)
                    : queue.EnqueueAsync(new NotificationBatch(callId, [.. group.Ids]), CancellationToken.None));
                group.Sent.TrySetResult();
            }
            catch (Exception exception)
            {
                group.Sent.TrySetException(exception);
            }

            lock (_waiting)
            {
                _waiting[callId].Dequeue();
            }
        }
    }

    private sealed class Group
    {
        public List<string> Ids { get; } = [];

        public TaskCompletionSource Sent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Its message is on its way: later notifications wait for the next one.</summary>
        public bool Started { get; set; }
    }
}
