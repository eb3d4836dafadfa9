using Azure;
using Azure.Data.Tables;
using HostingCalls.Core.Calls;
using HostingCalls.Core.Common;

namespace HostingCalls.Functions.Storage;

/// <summary>Calls in the <c>calls</c> table: one partition per call (row key "call"), the call as a JSON document.</summary>
public sealed class TableCallStore(StorageClients storage) : ICallStore
{
    private const string RowKey = "call";
    private readonly TableClient _table = storage.Tables.GetTableClient(StorageNames.CallsTable);

    public async Task<Stored<Call>?> FindAsync(string callId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(callId, RowKey, cancellationToken: cancellationToken);
        return response.HasValue ? ToStored(response.Value!) : null;
    }

    public async Task<Stored<Call>> AddAsync(Call call, CancellationToken cancellationToken)
    {
        var response = await _table.AddEntityAsync(StoredSize.Checked(ToEntity(call), "call"), cancellationToken);
        return new Stored<Call>(call, response.Headers.ETag!.Value.ToString());
    }

    public Task<Stored<Call>> ReplaceAsync(Call call, string etag, CancellationToken cancellationToken) =>
        TableErrors.GuardedAsync("call", async () =>
        {
            var response = await _table.UpdateEntityAsync(StoredSize.Checked(ToEntity(call), "call"), new ETag(etag), TableUpdateMode.Replace, cancellationToken);
            return new Stored<Call>(call, response.Headers.ETag!.Value.ToString());
        });

    public async Task<IReadOnlyList<Stored<Call>>> ListAsync(CallStatus status, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey eq {RowKey} and Status eq {status.ToString()}");
        var calls = new List<Stored<Call>>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            calls.Add(ToStored(entity));
        }

        return calls;
    }

    private static TableEntity ToEntity(Call call) => new(call.Id, RowKey)
    {
        ["Status"] = call.Status.ToString(),
        ["Deadline"] = call.Deadline,
        ["ResultsDate"] = call.ResultsDate,
        ["Data"] = StorageJson.Write(call),
    };

    private static Stored<Call> ToStored(TableEntity entity) =>
        new(StorageJson.Read<Call>(entity.GetString("Data")), entity.ETag.ToString());
}
