using Azure;
using Azure.Data.Tables;
using HostingCalls.Core.Notifications.Delivery;

namespace HostingCalls.Functions.Storage;

/// <summary>
/// Webhook requests taken (partition <c>requests</c>, keyed on timestamp + body) and event ids (partition = call id) already taken, in the
/// <c>deliveryevents</c> table; keys are SHA-256 hashes.
/// </summary>
public sealed class TableDeliveryEventLog(StorageClients storage) : IDeliveryEventLog
{
    private const string RequestsPartition = "requests";
    private readonly TableClient _table = storage.Tables.GetTableClient(StorageNames.DeliveryEventsTable);

    public async Task<bool> TryRecordRequestAsync(string requestHash, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(new TableEntity(RequestsPartition, requestHash), cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == TableErrors.Conflict)
        {
            return false;
        }
    }

    public async Task<bool> HasEventAsync(string callId, string eventIdHash, CancellationToken cancellationToken) =>
        (await _table.GetEntityIfExistsAsync<TableEntity>(callId, eventIdHash, ["PartitionKey"], cancellationToken)).HasValue;

    public Task RecordEventAsync(string callId, string eventIdHash, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(new TableEntity(callId, eventIdHash), TableUpdateMode.Replace, cancellationToken);
}
