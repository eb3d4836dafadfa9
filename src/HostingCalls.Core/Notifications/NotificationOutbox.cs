using HostingCalls.Core.Common;
using Microsoft.Extensions.Logging;

namespace HostingCalls.Core.Notifications;

/// <summary>
/// Puts recorded notifications on the queue. A change and its notification are stored together first; the queue
/// comes after. Each notification is claimed (Recorded → Queued, by ETag) before it is queued, so two runs at once
/// never queue it twice; if queueing fails the claim is given back and the outbox timer tries again later.
/// </summary>
public sealed partial class NotificationOutbox(INotificationQueue queue, INotificationLedger ledger, TimeProvider clock, ILogger<NotificationOutbox> logger)
{
    /// <summary>How long a recorded notification is left to the request that recorded it before the timer takes it.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMinutes(2);

    /// <summary>
    /// A queued notification no sender has taken for this long lost its message (every attempt takes it, and a
    /// failed one queues it again with a fresh time), so the timer queues it again.
    /// </summary>
    public static readonly TimeSpan Stranded = TimeSpan.FromHours(1);

    private readonly QueueGroups _groups = new(queue);

    /// <summary>Queues one notification now; a failure is logged and left to the timer, never thrown at the caller.</summary>
    public async Task<bool> TryQueueAsync(Notification notification, CancellationToken cancellationToken)
    {
        try
        {
            return await ledger.FindAsync(notification.CallId, notification.Id, cancellationToken) is { } stored
                && await QueueAsync(stored, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogQueueFailed(logger, exception, notification.Id);
            return false;
        }
    }

    /// <summary>
    /// Queues a notification that was stored already claimed (Queued, with the change it tells of), in one message
    /// with those of its call claimed at the same time (see <see cref="QueueGroups"/>). If the queue
    /// fails, the claim is given back so the timer queues it; if even that fails, it is found stranded later.
    /// </summary>
    public async Task<bool> TryQueueClaimedAsync(Notification claimed, CancellationToken cancellationToken)
    {
        try
        {
            // With the others of its call claimed meanwhile: many requests at once share one message.
            await _groups.EnqueueAsync(claimed, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogQueueFailed(logger, exception, claimed.Id);
            try
            {
                if (await ledger.FindAsync(claimed.CallId, claimed.Id, CancellationToken.None) is { Value.Status: NotificationStatus.Queued } stored)
                {
                    await ledger.TryReplaceAsync(stored.Value with { Status = NotificationStatus.Recorded, QueuedAt = null }, stored.ETag, CancellationToken.None);
                }
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // Storage is failing too: the row stays Queued and the outbox timer finds it stranded.
            }

            return false;
        }
    }

    /// <summary>Claims and queues <paramref name="stored"/> if it is Recorded; false when another run has it.</summary>
    public Task<bool> QueueAsync(Stored<Notification> stored, CancellationToken cancellationToken) =>
        stored.Value.Status == NotificationStatus.Recorded ? ClaimAndQueueAsync(stored, cancellationToken) : Task.FromResult(false);

    private async Task<bool> ClaimAndQueueAsync(Stored<Notification> stored, CancellationToken cancellationToken)
    {
        var claimed = stored.Value with { Status = NotificationStatus.Queued, QueuedAt = clock.GetUtcNow() };
        var etag = await ledger.TryReplaceAsync(claimed, stored.ETag, cancellationToken);
        if (etag is null)
        {
            return false;
        }

        try
        {
            await queue.EnqueueAsync(claimed.Message, cancellationToken);
            return true;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Give the claim back so the next run queues it; if even that fails, it is stranded and found later.
            await ledger.TryReplaceAsync(stored.Value, etag, CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// Records one call's notifications (at most <see cref="NotificationBatch.MaxSize"/>) already claimed, in one
    /// transaction, and queues them as one message; returns how many it queued. Those recorded by an earlier or a
    /// parallel run are left to it, unless still Recorded, when they are claimed here. If the queue fails the claims
    /// are given back, so the next run or the outbox timer queues them.
    /// </summary>
    public async Task<int> RecordAndQueueAsync(IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claimed = await ledger.TryRecordAllAsync([.. notifications.Select(n => n with { Status = NotificationStatus.Queued, QueuedAt = now })], cancellationToken)
            ?? await ClaimRecordedAsync(notifications, now, cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        try
        {
            await queue.EnqueueAsync(new NotificationBatch(claimed[0].Value.CallId, [.. claimed.Select(c => c.Value.Id)]), cancellationToken);
            return claimed.Count;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            await ledger.MoveUnchangedAsync([.. claimed.Select(c => new NotificationMove(c, c.Value with { Status = NotificationStatus.Recorded, QueuedAt = null }))], CancellationToken.None);
            throw;
        }
    }

    /// <summary>Some were recorded already: records the others, then claims those still Recorded.</summary>
    private async Task<IReadOnlyList<Stored<Notification>>> ClaimRecordedAsync(IReadOnlyList<Notification> notifications, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await ledger.RecordAsync(notifications, cancellationToken);
        var found = await ledger.FindAllAsync(notifications[0].CallId, [.. notifications.Select(n => n.Id)], cancellationToken);
        return await ledger.MoveUnchangedAsync(
            [.. found.Where(s => s.Value.Status == NotificationStatus.Recorded).Select(s => new NotificationMove(s, s.Value with { Status = NotificationStatus.Queued, QueuedAt = now }))],
            cancellationToken);
    }

    /// <summary>Queues every notification left recorded past <see cref="Settle"/> or stranded past <see cref="Stranded"/>.</summary>
    public async Task<int> QueueStrandedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var queued = 0;
        foreach (var stored in await ledger.ListStrandedAsync(now - Settle, now - Stranded, cancellationToken))
        {
            queued += await ClaimAndQueueAsync(stored, cancellationToken) ? 1 : 0;
        }

        return queued;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {NotificationId} is recorded but could not be queued; the outbox timer will queue it")]
    private static partial void LogQueueFailed(ILogger logger, Exception exception, string notificationId);
}
