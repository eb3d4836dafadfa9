using Azure;
using Azure.Data.Tables;
using HostingCalls.Core.Audit;
using HostingCalls.Core.Common;
using HostingCalls.Core.Invitations;
using HostingCalls.Core.Notifications;

namespace HostingCalls.Functions.Storage;

/// <summary>
/// Invitations in the <c>offers</c> table, in their call's partition (row key <c>invitation|{invitationId}</c>, server
/// ids only), so an invitation and the notification of its email are written in one transaction.
/// </summary>
public sealed class TableInvitationStore(StorageClients storage) : IInvitationStore
{
    private const string Prefix = "invitation|";
    private const string End = "invitation}";
    private readonly TableClient _table = storage.Tables.GetTableClient(StorageNames.OffersTable);

    public async Task<Stored<Invitation>> AddAsync(Invitation invitation, Notification email, AuditEntry audit, CancellationToken cancellationToken)
    {
        var response = await _table.SubmitTransactionAsync(
            [new(TableTransactionActionType.Add, StoredSize.Checked(ToEntity(invitation), "invitation")), new(TableTransactionActionType.Add, NotificationEntity.From(email)), AuditEntity.JournalAction(audit)],
            cancellationToken);
        return new Stored<Invitation>(invitation, response.Value[0].Headers.ETag!.Value.ToString());
    }

    public async Task<Stored<Invitation>?> FindAsync(string callId, string invitationId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(callId, Prefix + invitationId, cancellationToken: cancellationToken);
        return response.HasValue ? ToStored(response.Value!) : null;
    }

    public async Task<IReadOnlyList<Stored<Invitation>>> ListAsync(string callId, CancellationToken cancellationToken)
    {
        var found = new List<Stored<Invitation>>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {callId} and RowKey ge {Prefix} and RowKey lt {End}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            found.Add(ToStored(entity));
        }

        return found;
    }

    public Task<Stored<Invitation>> ReplaceAsync(Invitation invitation, string etag, AuditEntry audit, CancellationToken cancellationToken) =>
        TableErrors.GuardedAsync("invitation", async () =>
        {
            var response = await _table.SubmitTransactionAsync(
                [new(TableTransactionActionType.UpdateReplace, StoredSize.Checked(ToEntity(invitation), "invitation"), new ETag(etag)), AuditEntity.JournalAction(audit)], cancellationToken);
            return new Stored<Invitation>(invitation, response.Value[0].Headers.ETag!.Value.ToString());
        });

    private static TableEntity ToEntity(Invitation invitation) => new(invitation.CallId, Prefix + invitation.Id)
    {
        ["Type"] = "Invitation",
        ["MemberState"] = invitation.MemberState,
        ["Status"] = invitation.Status.ToString(),
        ["Data"] = StorageJson.Write(invitation),
    };

    private static Stored<Invitation> ToStored(TableEntity entity) =>
        new(StorageJson.Read<Invitation>(entity.GetString("Data")), entity.ETag.ToString());
}
