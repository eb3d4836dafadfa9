using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using HostingCalls.Core.Audit;
using HostingCalls.Core.Common;

namespace HostingCalls.Functions.Storage;

/// <summary>Each call's audit trail beside its offers (see <see cref="AuditEntity"/> for the rows).</summary>
public sealed class TableAuditTrail(StorageClients storage) : IAuditTrail
{
    private readonly TableClient _table = storage.Tables.GetTableClient(StorageNames.OffersTable);

    public async Task AddAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(AuditEntity.Journal(entry), cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == TableErrors.Conflict)
        {
            // Journaled already (a re-run): one entry is enough.
        }
    }

    public async Task<IReadOnlyList<AuditEntry>> PendingAsync(string callId, CancellationToken cancellationToken)
    {
        var pending = new List<AuditEntry>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {callId} and RowKey ge {AuditEntity.JournalPrefix} and RowKey lt {AuditEntity.JournalEnd}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            pending.Add(AuditEntity.FromJournal(entity));
        }

        return pending;
    }

    public async Task<Stored<AuditHead>?> HeadAsync(string callId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(callId, AuditEntity.HeadRowKey, cancellationToken: cancellationToken);
        return response.HasValue
            ? new Stored<AuditHead>(new AuditHead(response.Value!.GetInt64("Sequence") ?? 0, response.Value.GetString("Hash")), response.Value.ETag.ToString())
            : null;
    }

    /// <summary>A query on the journal's key range across partitions, answering only each row's partition.</summary>
    public async Task<IReadOnlySet<string>> CallsWithPendingAsync(CancellationToken cancellationToken)
    {
        var callIds = new HashSet<string>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"RowKey ge {AuditEntity.JournalPrefix} and RowKey lt {AuditEntity.JournalEnd}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            callIds.Add(entity.PartitionKey);
        }

        return callIds;
    }

    public async Task<IReadOnlyDictionary<string, string>> TransitionsCheckedAsync(CancellationToken cancellationToken)
    {
        var marks = new Dictionary<string, string>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {AuditEntity.TransitionsCheckedPartition}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            marks[entity.RowKey] = entity.GetString("CallETag") ?? "";
        }

        return marks;
    }

    public async Task MarkTransitionsCheckedAsync(string callId, string callETag, CancellationToken cancellationToken) =>
        await _table.UpsertEntityAsync(
            new TableEntity(AuditEntity.TransitionsCheckedPartition, callId) { ["Type"] = "AuditTransitionsChecked", ["CallETag"] = callETag },
            TableUpdateMode.Replace, cancellationToken);

    public async Task<IReadOnlySet<string>> ChainedAfterTheFactAsync(string callId, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {callId} and RowKey ge {AuditEntity.EventPrefix} and RowKey lt {AuditEntity.EventEnd}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            ids.Add(entity.RowKey[AuditEntity.EventPrefix.Length..]);
        }

        return ids;
    }

    public async Task<Stored<AuditHead>?> TryAppendAsync(
        string callId, Stored<AuditHead>? head, IReadOnlyList<SealedAuditEntry> chained, IReadOnlyList<string> journaled, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>();
        foreach (var entry in chained)
        {
            actions.Add(new(TableTransactionActionType.Add, new TableEntity(callId, AuditEntity.ChainRowKey(entry.Sequence))
            {
                ["Type"] = "Audit",
                ["Entry"] = AuditChain.Canonical(entry.Sequence, entry.PreviousHash, entry.Entry),
                ["Hash"] = entry.Hash,
            }));
            if (entry.Entry.AfterTheFact)
            {
                actions.Add(new(TableTransactionActionType.Add, new TableEntity(callId, AuditEntity.EventPrefix + entry.Entry.EventId)
                {
                    ["Type"] = "AuditEvent",
                    ["Sequence"] = entry.Sequence,
                }));
            }
        }

        actions.AddRange(journaled.Select(id => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(callId, AuditEntity.JournalPrefix + id), ETag.All)));

        // The head moves by ETag even when only duplicates are dropped, so no other sealer interleaves.
        var next = chained.Count > 0 ? new AuditHead(chained[^1].Sequence, chained[^1].Hash) : head?.Value;
        var headIndex = -1;
        if (next is not null)
        {
            headIndex = actions.Count;
            var row = new TableEntity(callId, AuditEntity.HeadRowKey) { ["Type"] = "AuditHead", ["Sequence"] = next.Sequence, ["Hash"] = next.Hash };
            actions.Add(head is null
                ? new(TableTransactionActionType.Add, row)
                : new(TableTransactionActionType.UpdateReplace, row, new ETag(head.ETag)));
        }

        if (actions.Count == 0)
        {
            return head;
        }

        try
        {
            var response = await _table.SubmitTransactionAsync(actions, cancellationToken);
            return next is null ? null : new Stored<AuditHead>(next, response.Value[headIndex].Headers.ETag!.Value.ToString());
        }
        catch (TableTransactionFailedException exception) when (exception.Status is TableErrors.PreconditionFailed or TableErrors.Conflict or 404)
        {
            // Another sealer moved the head, or chained these journal rows, first.
            return null;
        }
    }

    public async Task<IReadOnlyList<AuditRecord>> ReadAsync(string callId, long from, int count, CancellationToken cancellationToken)
    {
        var records = new List<AuditRecord>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {callId} and RowKey ge {AuditEntity.ChainRowKey(from)} and RowKey lt {AuditEntity.ChainEnd}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(count, 1000), cancellationToken: cancellationToken))
        {
            records.Add(ToRecord(entity));
            if (records.Count == count)
            {
                break;
            }
        }

        return records;
    }

    public async IAsyncEnumerable<AuditRecord> ReadAllAsync(string callId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {callId} and RowKey ge {AuditEntity.ChainPrefix} and RowKey lt {AuditEntity.ChainEnd}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return ToRecord(entity);
        }
    }

    /// <summary>The sequence comes from the key, so that a row moved to another key is caught by verification.</summary>
    private static AuditRecord ToRecord(TableEntity entity) => new(
        long.TryParse(entity.RowKey.AsSpan(AuditEntity.ChainPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) ? sequence : -1,
        entity.GetString("Entry") ?? "",
        entity.GetString("Hash") ?? "");
}
