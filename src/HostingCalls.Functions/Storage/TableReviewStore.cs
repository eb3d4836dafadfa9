using Azure;
using Azure.Data.Tables;
using HostingCalls.Core.Audit;
using HostingCalls.Core.Common;
using HostingCalls.Core.Reviews;

namespace HostingCalls.Functions.Storage;

/// <summary>
/// Reviews in their call's partition of the offers table: <c>review|{offerId}|{sha256 of the reviewer id}</c>, and
/// one row <c>reviews</c> holding the call's reviews revision, advanced in the same transaction as each review and its
/// audit entry.
/// </summary>
public sealed class TableReviewStore(StorageClients storage) : IReviewStore
{
    private const string Prefix = "review|";
    private const string RevisionRowKey = "reviews";
    private const int Attempts = 20;
    private readonly TableClient _table = storage.Tables.GetTableClient(StorageNames.OffersTable);

    public async Task<Stored<Review>?> FindAsync(string callId, string offerId, string reviewerId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(callId, RowKeyOf(offerId, reviewerId), cancellationToken: cancellationToken);
        return response.HasValue ? ToStored(response.Value!) : null;
    }

    public async Task<Stored<Review>> SaveAsync(Review review, string? etag, AuditEntry audit, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(review.CallId, RowKeyOf(review.OfferId, review.ReviewerId))
        {
            ["Type"] = "Review",
            ["OfferId"] = review.OfferId,
            ["Data"] = StorageJson.Write(review),
        };
        StoredSize.Checked(entity, "review");
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var revision = await _table.GetEntityIfExistsAsync<TableEntity>(review.CallId, RevisionRowKey, cancellationToken: cancellationToken);
            var next = new TableEntity(review.CallId, RevisionRowKey)
            {
                ["Type"] = "ReviewsRevision",
                ["Revision"] = (revision.HasValue ? revision.Value!.GetInt32("Revision") ?? 0 : 0) + 1,
            };
            List<TableTransactionAction> actions =
            [
                etag is null
                    ? new(TableTransactionActionType.Add, entity)
                    : new(TableTransactionActionType.UpdateReplace, entity, new ETag(etag)),
                revision.HasValue
                    ? new(TableTransactionActionType.UpdateReplace, next, revision.Value!.ETag)
                    : new(TableTransactionActionType.Add, next),
                AuditEntity.JournalAction(audit),
            ];
            try
            {
                var response = await _table.SubmitTransactionAsync(actions, cancellationToken);
                return new Stored<Review>(review, response.Value[0].Headers.ETag!.Value.ToString());
            }
            catch (TableTransactionFailedException exception) when (exception.Status is TableErrors.PreconditionFailed or TableErrors.Conflict)
            {
                // Either the review moved (the caller's ETag is stale) or another review advanced the revision (try again).
                var current = await _table.GetEntityIfExistsAsync<TableEntity>(entity.PartitionKey, entity.RowKey, ["Type"], cancellationToken);
                if (current.HasValue ? etag is null || current.Value!.ETag.ToString() != etag : etag is not null)
                {
                    throw Rejection.Stale("review");
                }
            }
        }

        throw new InvalidOperationException($"The reviews revision of call {review.CallId} kept changing; {Attempts} attempts failed.");
    }

    public async Task<ReviewSet> ListAsync(string callId, string? offerId, CancellationToken cancellationToken)
    {
        var revision = await RevisionAsync(callId, cancellationToken);
        var from = offerId is null ? Prefix : $"{Prefix}{offerId}|";
        var to = from[..^1] + "}"; // '}' sorts right after '|': the end of the key range
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {callId} and RowKey ge {from} and RowKey lt {to}");
        var reviews = new List<Stored<Review>>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            reviews.Add(ToStored(entity));
        }

        return new ReviewSet(revision, reviews);
    }

    public async Task<int> RevisionAsync(string callId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(callId, RevisionRowKey, ["Revision"], cancellationToken);
        return response.HasValue ? response.Value!.GetInt32("Revision") ?? 0 : 0;
    }

    private static string RowKeyOf(string offerId, string reviewerId) => $"{Prefix}{offerId}|{Ids.Hash(reviewerId)}";

    private static Stored<Review> ToStored(TableEntity entity) =>
        new(StorageJson.Read<Review>(entity.GetString("Data")), entity.ETag.ToString());
}
