using Azure;
using Azure.Data.Tables;
using HostingCalls.Core.Audit;
using HostingCalls.Core.Common;
using HostingCalls.Core.Notifications;

namespace HostingCalls.Functions.Storage;

/// <summary>The send-once ledger, kept beside the offers (see <see cref="NotificationEntity"/>).</summary>
public sealed class TableNotificationLedger(StorageClients storage) : INotificationLedger
{
    private const int BatchSize = 100;
    private readonly TableClient _table = storage.Tables.GetTableClient(StorageNames.OffersTable);

    public async Task<Stored<Notification>?> FindAsync(string callId, string notificationId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(callId, NotificationEntity.RowKeyOf(notificationId), cancellationToken: cancellationToken);
        return response.HasValue ? ToStored(response.Value!) : null;
    }

    public Task<IReadOnlyList<Stored<Notification>>> ListAsync(string callId, CancellationToken cancellationToken) =>
        QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {callId} and RowKey ge {NotificationEntity.Prefix} and RowKey lt {NotificationEntity.End}"), cancellationToken);

    public async Task<int> RecordAsync(IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var batch in notifications.Chunk(BatchSize))
        {
            try
            {
                await _table.SubmitTransactionAsync(batch.Select(n => new TableTransactionAction(TableTransactionActionType.Add, NotificationEntity.From(n))), cancellationToken);
                added += batch.Length;
            }
            catch (TableTransactionFailedException exception) when (exception.Status == TableErrors.Conflict)
            {
                // Some are recorded already (an earlier or a parallel run): add the others one by one.
                foreach (var notification in batch)
                {
                    try
                    {
                        await _table.AddEntityAsync(NotificationEntity.From(notification), cancellationToken);
                        added++;
                    }
                    catch (RequestFailedException one) when (one.Status == TableErrors.Conflict)
                    {
                    }
                }
            }
        }

        return added;
    }

    public async Task<IReadOnlyList<Stored<Notification>>?> TryRecordAllAsync(IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        if (notifications.Count == 0)
        {
            return [];
        }

        try
        {
            var response = await _table.SubmitTransactionAsync(notifications.Select(n => new TableTransactionAction(TableTransactionActionType.Add, NotificationEntity.From(n))), cancellationToken);
            return [.. notifications.Select((n, i) => new Stored<Notification>(n, response.Value[i].Headers.ETag!.Value.ToString()))];
        }
        catch (TableTransactionFailedException exception) when (exception.Status == TableErrors.Conflict)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<Stored<Notification>>> FindAllAsync(string callId, IReadOnlyCollection<string> notificationIds, CancellationToken cancellationToken) =>
        [.. (await RowReads.FindAllAsync(_table, callId, [.. notificationIds.Select(NotificationEntity.RowKeyOf)], cancellationToken)).Select(ToStored)];

    public async Task<IReadOnlyList<string>?> TryMoveAllAsync(IReadOnlyList<NotificationMove> moves, IReadOnlyList<AuditEntry?>? audits, CancellationToken cancellationToken)
    {
        if (moves.Count == 0)
        {
            return [];
        }

        try
        {
            // The moves first, then their audit entries (100 rows at most: see NotificationBatch).
            var response = await _table.SubmitTransactionAsync(
                moves.Select(NotificationEntity.Move).Concat((audits ?? []).OfType<AuditEntry>().Select(AuditEntity.JournalAction)), cancellationToken);
            return [.. response.Value.Take(moves.Count).Select(r => r.Headers.ETag!.Value.ToString())];
        }
        catch (TableTransactionFailedException exception) when (exception.Status is TableErrors.PreconditionFailed or 404)
        {
            return null;
        }
    }

    public async Task<string?> TryReplaceAsync(Notification notification, string etag, AuditEntry? audit, CancellationToken cancellationToken)
    {
        try
        {
            if (audit is null)
            {
                var response = await _table.UpdateEntityAsync(NotificationEntity.From(notification), new ETag(etag), TableUpdateMode.Replace, cancellationToken);
                return response.Headers.ETag!.Value.ToString();
            }

            // The move and its audit entry together: never one without the other.
            var moved = await _table.SubmitTransactionAsync(
                [new(TableTransactionActionType.UpdateReplace, NotificationEntity.From(notification), new ETag(etag)), AuditEntity.JournalAction(audit)], cancellationToken);
            return moved.Value[0].Headers.ETag!.Value.ToString();
        }
        catch (RequestFailedException exception) when (exception.Status is TableErrors.PreconditionFailed or 404)
        {
            return null;
        }
    }

    public Task<IReadOnlyList<Stored<Notification>>> ListStrandedAsync(DateTimeOffset recordedBefore, DateTimeOffset queuedBefore, CancellationToken cancellationToken) =>
        QueryAsync(TableClient.CreateQueryFilter(
            $"RowKey ge {NotificationEntity.Prefix} and RowKey lt {NotificationEntity.End} and ((Status eq {nameof(NotificationStatus.Recorded)} and RecordedAt lt {recordedBefore}) or (Status eq {nameof(NotificationStatus.Queued)} and QueuedAt lt {queuedBefore}))"),
            cancellationToken);

    private async Task<IReadOnlyList<Stored<Notification>>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        var found = new List<Stored<Notification>>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            found.Add(ToStored(entity));
        }

        return found;
    }

    private static Stored<Notification> ToStored(TableEntity entity) => new(NotificationEntity.ToNotification(entity), entity.ETag.ToString());
}
