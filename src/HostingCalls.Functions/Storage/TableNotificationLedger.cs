using Azure.Data.Tables;
using HostingCalls.Core.Notifications;

namespace HostingCalls.Functions.Storage;

/// <summary>The send-once ledger, kept beside the offers (see <see cref="NotificationEntity"/>).</summary>
public sealed class TableNotificationLedger(StorageClients storage) : INotificationLedger
{
    private readonly TableClient _table = storage.Tables.GetTableClient(StorageNames.OffersTable);

    public async Task MarkQueuedAsync(Notification notification, DateTimeOffset queuedAt, CancellationToken cancellationToken)
    {
        // Merge only the progress columns; a later status written by the sender is never moved back.
        var entity = new TableEntity(notification.CallId, NotificationEntity.RowKeyOf(notification.Id))
        {
            ["Status"] = nameof(NotificationStatus.Queued),
            ["QueuedAt"] = queuedAt,
        };
        var current = await _table.GetEntityIfExistsAsync<TableEntity>(entity.PartitionKey, entity.RowKey, ["Status"], cancellationToken);
        if (current.HasValue && current.Value!.GetString("Status") == nameof(NotificationStatus.Recorded))
        {
            try
            {
                await _table.UpdateEntityAsync(entity, current.Value.ETag, TableUpdateMode.Merge, cancellationToken);
            }
            catch (Azure.RequestFailedException exception) when (exception.Status == TableErrors.PreconditionFailed)
            {
                // Someone else moved it on first; nothing to do.
            }
        }
    }

    public async Task<IReadOnlyList<Notification>> ListRecordedAsync(DateTimeOffset recordedBefore, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"RowKey ge {NotificationEntity.Prefix} and RowKey lt {"notification}"} and Status eq {nameof(NotificationStatus.Recorded)} and RecordedAt lt {recordedBefore}");
        var recorded = new List<Notification>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            recorded.Add(NotificationEntity.ToNotification(entity));
        }

        return recorded;
    }
}
