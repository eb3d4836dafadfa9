using System.Text.Json;
using HostingCalls.Core.Common;
using HostingCalls.Core.Notifications;
using HostingCalls.Functions.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace HostingCalls.Functions.Queues;

/// <summary>
/// Sends each queued notification, or batch of one call's notifications; a message that fails five times lands in
/// the poison queue, where each notification it carries that is not settled is recorded Failed and the secretariat told.
/// </summary>
public sealed partial class NotificationQueueFunctions(NotificationSender sender, NotificationBatchSender batches, ILogger<NotificationQueueFunctions> logger)
{
    [Function(nameof(SendNotification))]
    public Task SendNotification(
        [QueueTrigger(StorageNames.NotificationsQueue, Connection = AppSettingNames.Storage)] string message, CancellationToken cancellationToken) =>
        Read(message) switch
        {
            NotificationMessage one => sender.SendAsync(one, cancellationToken),
            NotificationBatch batch => batches.SendAsync(batch, cancellationToken),
            _ => Task.CompletedTask,
        };

    [Function(nameof(RecordFailedNotification))]
    public Task RecordFailedNotification(
        [QueueTrigger(StorageNames.NotificationsPoisonQueue, Connection = AppSettingNames.Storage)] string message, CancellationToken cancellationToken) =>
        Read(message) switch
        {
            NotificationMessage one => sender.GiveUpAsync(one, cancellationToken),
            NotificationBatch batch => batches.GiveUpAsync(batch, cancellationToken),
            _ => Task.CompletedTask,
        };

    /// <summary>A message that is not ours is logged and dropped: retrying it cannot make it readable.</summary>
    private object? Read(string message)
    {
        try
        {
            if (JsonSerializer.Deserialize<QueuedNotifications>(message, ApiJson.Options) is { CallId: { } callId } read && Ids.IsWellFormed(callId))
            {
                if (read is { NotificationId: { } notificationId, NotificationIds: null } && Notification.IsWellFormedId(notificationId))
                {
                    return new NotificationMessage(callId, notificationId);
                }

                if (read is { NotificationId: null, NotificationIds: { Length: > 0 and <= NotificationBatch.MaxSize } ids } && ids.All(Notification.IsWellFormedId))
                {
                    // Each once: a transaction may not name a row twice.
                    return new NotificationBatch(callId, [.. ids.Distinct(StringComparer.Ordinal)]);
                }
            }
        }
        catch (JsonException)
        {
        }

        LogUnreadable(logger, message.Length);
        return null;
    }

    /// <summary>Either shape on the queue: one notification, or a batch of one call's.</summary>
    private sealed record QueuedNotifications(string? CallId, string? NotificationId, string[]? NotificationIds);

    [LoggerMessage(Level = LogLevel.Error, Message = "A notifications queue message of {Length} characters is not a notification; dropped")]
    private static partial void LogUnreadable(ILogger logger, int length);
}
