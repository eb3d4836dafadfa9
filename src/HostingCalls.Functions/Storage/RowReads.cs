using Azure.Data.Tables;

namespace HostingCalls.Functions.Storage;

/// <summary>Several rows of one partition, read together.</summary>
internal static class RowReads
{
    /// <summary>Up to this many rows are read one by one, at once: their keys may be far apart (a group of receipts and revisions).</summary>
    private const int PointReads = 8;

    /// <summary>
    /// The rows among <paramref name="rowKeys"/> that exist. More than a few are read with one range query from the
    /// lowest key to the highest, not a read each: a batch of results is made of keys next to each other, and the
    /// rows in between that were not asked for are dropped.
    /// </summary>
    public static async Task<IReadOnlyList<TableEntity>> FindAllAsync(TableClient table, string partitionKey, IReadOnlyCollection<string> rowKeys, CancellationToken cancellationToken)
    {
        var wanted = rowKeys.ToHashSet(StringComparer.Ordinal);
        if (wanted.Count <= PointReads)
        {
            var read = await Task.WhenAll(wanted.Select(rowKey => table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken)));
            return [.. read.Where(r => r.HasValue).Select(r => r.Value!)];
        }

        var found = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {wanted.Min(StringComparer.Ordinal)} and RowKey le {wanted.Max(StringComparer.Ordinal)}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (wanted.Contains(entity.RowKey))
            {
                found.Add(entity);
            }
        }

        return found;
    }
}
