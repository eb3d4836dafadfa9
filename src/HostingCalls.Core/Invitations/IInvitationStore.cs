using HostingCalls.Core.Audit;
using HostingCalls.Core.Common;
using HostingCalls.Core.Notifications;

namespace HostingCalls.Core.Invitations;

/// <summary>Invitations, kept with their call's offers and notification ledger.</summary>
public interface IInvitationStore
{
    /// <summary>Stores the invitation, the notification of its email and its audit entry together, or none.</summary>
    Task<Stored<Invitation>> AddAsync(Invitation invitation, Notification email, AuditEntry audit, CancellationToken cancellationToken);

    Task<Stored<Invitation>?> FindAsync(string callId, string invitationId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Stored<Invitation>>> ListAsync(string callId, CancellationToken cancellationToken);

    /// <summary>Replaces it if it still has <paramref name="etag"/>, with its audit entry; a stale ETag is a 412 rejection.</summary>
    Task<Stored<Invitation>> ReplaceAsync(Invitation invitation, string etag, AuditEntry audit, CancellationToken cancellationToken);
}
