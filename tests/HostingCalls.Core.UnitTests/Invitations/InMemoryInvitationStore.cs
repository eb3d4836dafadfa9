using HostingCalls.Core.Audit;
using HostingCalls.Core.Common;
using HostingCalls.Core.Invitations;
using HostingCalls.Core.Notifications;
using HostingCalls.Core.UnitTests.Notifications;

namespace HostingCalls.Core.UnitTests.Invitations;

/// <summary>Invitations in memory, recording each one's email in the ledger as the table does, with ETag rules.</summary>
internal sealed class InMemoryInvitationStore(InMemoryNotificationLedger ledger) : IInvitationStore
{
    private readonly Dictionary<string, Stored<Invitation>> _rows = [];
    private int _version;

    public int Reads { get; private set; }

    public async Task<Stored<Invitation>> AddAsync(Invitation invitation, Notification email, AuditEntry audit, CancellationToken cancellationToken)
    {
        await ledger.RecordAsync([email], cancellationToken);
        return _rows[invitation.Id] = new(invitation, $"etag-{++_version}");
    }

    public Task<Stored<Invitation>?> FindAsync(string callId, string invitationId, CancellationToken cancellationToken)
    {
        Reads++;
        return Task.FromResult(_rows.GetValueOrDefault(invitationId) is { Value.CallId: var id } row && id == callId ? row : null);
    }

    public Task<IReadOnlyList<Stored<Invitation>>> ListAsync(string callId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Stored<Invitation>>>([.. _rows.Values.Where(r => r.Value.CallId == callId)]);

    public Task<Stored<Invitation>> ReplaceAsync(Invitation invitation, string etag, AuditEntry audit, CancellationToken cancellationToken)
    {
        if (_rows[invitation.Id].ETag != etag)
        {
            throw Rejection.Stale("invitation");
        }

        return Task.FromResult(_rows[invitation.Id] = new(invitation, $"etag-{++_version}"));
    }

    /// <summary>Changes a row behind the service's back, as another instance would.</summary>
    public void Put(Invitation invitation) => _rows[invitation.Id] = new(invitation, $"etag-{++_version}");
}
