using System.Text.Json;
using Azure.Storage.Queues;
using HostingCalls.Core.Common;
using HostingCalls.Core.Notifications;

namespace HostingCalls.Functions.Storage;

/// <summary>The <c>notifications</c> queue the sending function listens to.</summary>
public sealed class StorageNotificationQueue(StorageClients storage) : INotificationQueue
{
    private readonly QueueClient _queue = storage.Queues.GetQueueClient(StorageNames.NotificationsQueue);

    public Task EnqueueAsync(NotificationMessage message, CancellationToken cancellationToken) =>
        _queue.SendMessageAsync(JsonSerializer.Serialize(message, ApiJson.Options), cancellationToken);

    public Task EnqueueAsync(NotificationBatch batch, CancellationToken cancellationToken) =>
        _queue.SendMessageAsync(JsonSerializer.Serialize(batch, ApiJson.Options), cancellationToken);
}
