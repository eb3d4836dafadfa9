using Azure;
using Azure.Data.Tables;
using HostingCalls.Core.Audit;
using HostingCalls.Core.Common;
using HostingCalls.Core.Notifications;
using HostingCalls.Core.Offers;

namespace HostingCalls.Functions.Storage;

/// <summary>
/// Offers in the <c>offers</c> table, partitioned by call. Row keys are made of server ids and hashes only:
/// <c>offer|{offerId}</c>, <c>key|{memberState}|{sha256 of the Idempotency-Key}</c>, <c>notification|{id}</c>,
/// <c>journal|{eventId}</c>. Each change is one entity-group transaction (new offers arriving together may share one:
/// <see cref="IntakeTransactions"/>), so the offer, its key, its notification and its audit entry land together or
/// not at all.
/// </summary>
public sealed class TableOfferStore(StorageClients storage) : IOfferStore
{
    private const string OfferPrefix = "offer|";
    private const string KeyPrefix = "key|";
    private readonly TableClient _table = storage.Tables.GetTableClient(StorageNames.OffersTable);
    private readonly IntakeTransactions _intake = new(storage.Tables.GetTableClient(StorageNames.OffersTable));

    public async Task<Stored<Offer>?> FindAsync(string callId, string offerId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(callId, OfferPrefix + offerId, cancellationToken: cancellationToken);
        return response.HasValue ? ToStored(response.Value!) : null;
    }

    public async Task<IReadOnlyList<Stored<Offer>>> FindAllAsync(string callId, IReadOnlyCollection<string> offerIds, CancellationToken cancellationToken) =>
        [.. (await RowReads.FindAllAsync(_table, callId, [.. offerIds.Select(id => OfferPrefix + id)], cancellationToken)).Select(ToStored)];

    public async Task<IReadOnlyList<Stored<Offer>>> ListAsync(string callId, string? memberState, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {callId} and RowKey ge {OfferPrefix} and RowKey lt {"offer}"}");
        if (memberState is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"MemberState eq {memberState}");
        }

        var offers = new List<Stored<Offer>>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            offers.Add(ToStored(entity));
        }

        return offers;
    }

    public async Task<int> CountAsync(string callId, CancellationToken cancellationToken)
    {
        var count = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {callId} and RowKey ge {OfferPrefix} and RowKey lt {"offer}"}");
        await foreach (var _ in _table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            count++;
        }

        return count;
    }

    public async Task<IdempotencyKey?> FindKeyAsync(string callId, string memberState, string keyHash, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(callId, KeyRowKey(memberState, keyHash), cancellationToken: cancellationToken);
        return response.HasValue
            ? new IdempotencyKey(memberState, keyHash, response.Value!.GetString("RequestHash"), response.Value.GetString("OfferId"))
            : null;
    }

    public async Task<Stored<Offer>?> AddAsync(Offer offer, IdempotencyKey? key, Notification receipt, AuditEntry audit, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, StoredSize.Checked(ToEntity(offer), "offer", StoredSize.OfferHeadroomBytes)),
            new(TableTransactionActionType.Add, NotificationEntity.From(receipt)),
            AuditEntity.JournalAction(audit),
        };
        if (key is not null)
        {
            actions.Add(new(TableTransactionActionType.Add, new TableEntity(offer.CallId, KeyRowKey(key.MemberState, key.KeyHash))
            {
                ["Type"] = "IdempotencyKey",
                ["OfferId"] = key.OfferId,
                ["RequestHash"] = key.RequestHash,
            }));
        }

        try
        {
            // Shared with the offers submitted to the call at the same moment, if any: one transaction for them all.
            var responses = await _intake.SubmitAsync(offer.CallId, actions, cancellationToken);
            return new Stored<Offer>(offer, responses[0].Headers.ETag!.Value.ToString());
        }
        catch (TableTransactionFailedException exception) when (exception.Status == TableErrors.Conflict)
        {
            // The offer's id is new, so if its row exists this very write landed and only its answer was lost (the
            // SDK's retry then found the rows): it is ours. Otherwise the key was taken by an earlier request.
            if (await FindAsync(offer.CallId, offer.Id, CancellationToken.None) is { } landed)
            {
                return landed;
            }

            if (key is null)
            {
                throw;
            }

            return null;
        }
    }

    public async Task<Stored<Offer>> ReplaceAsync(Offer offer, string etag, Notification? notification, AuditEntry audit, CancellationToken cancellationToken)
    {
        // A revision (the change that comes with its receipt) must leave the same headroom as a new offer, so that
        // attachments and a withdrawal always fit after it; those changes may use the headroom.
        var revision = notification is not null && offer.WithdrawnAt is null;
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, StoredSize.Checked(ToEntity(offer), "offer", revision ? StoredSize.OfferHeadroomBytes : 0), new ETag(etag)),
            AuditEntity.JournalAction(audit),
        };
        if (notification is not null)
        {
            actions.Add(new(TableTransactionActionType.Add, NotificationEntity.From(notification)));
        }

        try
        {
            var response = await _table.SubmitTransactionAsync(actions, cancellationToken);
            return new Stored<Offer>(offer, response.Value[0].Headers.ETag!.Value.ToString());
        }
        catch (TableTransactionFailedException exception) when (exception.Status is TableErrors.PreconditionFailed or TableErrors.Conflict)
        {
            // A stale ETag, or another change of the same version that recorded its notification first.
            throw Rejection.Stale("offer");
        }
    }

    private static string KeyRowKey(string memberState, string keyHash) => $"{KeyPrefix}{memberState}|{keyHash}";

    private static TableEntity ToEntity(Offer offer) => new(offer.CallId, OfferPrefix + offer.Id)
    {
        ["Type"] = "Offer",
        ["MemberState"] = offer.MemberState,
        ["MeetingId"] = offer.Details.MeetingId,
        ["Status"] = offer.Status.ToString(),
        ["Version"] = offer.Version,
        ["Data"] = StorageJson.Write(offer),
    };

    private static Stored<Offer> ToStored(TableEntity entity) =>
        new(StorageJson.Read<Offer>(entity.GetString("Data")), entity.ETag.ToString());
}
