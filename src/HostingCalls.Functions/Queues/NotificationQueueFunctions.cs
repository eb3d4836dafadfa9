using System.Text.Json;
using HostingCalls.Core.Common;
using HostingCalls.Core.Notifications;
using HostingCalls.Functions.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace HostingCalls.Functions.Queues;

/// <summary>
/// Sends each queued notification; a message that fails five times lands in the poison queue, where it is
/// recorded Failed and the secretariat is told.
/// </summary>
public sealed partial class NotificationQueueFunctions(NotificationSender sender, ILogger<NotificationQueueFunctions> logger)
{
    [Function(nameof(SendNotification))]
    public Task SendNotification(
        [QueueTrigger(StorageNames.NotificationsQueue, Connection = AppSettingNames.Storage)] string message, CancellationToken cancellationToken) =>
        Read(message) is { } notification ? sender.SendAsync(notification, cancellationToken) : Task.CompletedTask;

    [Function(nameof(RecordFailedNotification))]
    public Task RecordFailedNotification(
        [QueueTrigger(StorageNames.NotificationsPoisonQueue, Connection = AppSettingNames.Storage)] string message, CancellationToken cancellationToken) =>
        Read(message) is { } notification ? sender.GiveUpAsync(notification, cancellationToken) : Task.CompletedTask;

    /// <summary>A message that is not ours is logged and dropped: retrying it cannot make it readable.</summary>
    private NotificationMessage? Read(string message)
    {
        try
        {
            if (JsonSerializer.Deserialize<NotificationMessage>(message, ApiJson.Options) is { CallId: { } callId, NotificationId: { } notificationId } read
                && Ids.IsWellFormed(callId) && Notification.IsWellFormedId(notificationId))
            {
                return read;
            }
        }
        catch (JsonException)
        {
        }

        LogUnreadable(logger, message.Length);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A notifications queue message of {Length} characters is not a notification; dropped")]
    private static partial void LogUnreadable(ILogger logger, int length);
}
