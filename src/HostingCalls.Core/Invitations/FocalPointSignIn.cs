using System.Collections.Concurrent;
using HostingCalls.Core.Access;
using HostingCalls.Core.Common;

namespace HostingCalls.Core.Invitations;

/// <summary>
/// Turns a focal point's token into a caller bound to its call and Member State: the token must verify (see
/// <see cref="MemberStateTokens"/>) and its invitation still be Active. The invitation's status is read from storage
/// and remembered for <see cref="StatusMemory"/>; a revocation on this instance is seen at once, on another one
/// within that time. Every refusal is the same 401, which never repeats the token.
/// </summary>
public sealed class FocalPointSignIn(MemberStateTokens tokens, IInvitationStore invitations, TimeProvider clock)
{
    /// <summary>How long an Active status read from storage is trusted on one instance.</summary>
    public static readonly TimeSpan StatusMemory = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (bool Active, long ExpiresAt, DateTimeOffset Until)> _statuses = new(StringComparer.Ordinal);

    public Task<Caller> SignInAsync(string token, CancellationToken cancellationToken) =>
        SignInAsync(tokens.Verify(token) ?? throw Refused(), cancellationToken);

    /// <summary>The focal point of verified claims (a token's, or a portal session's) while their invitation is Active.</summary>
    public async Task<Caller> SignInAsync(MemberStateToken claims, CancellationToken cancellationToken)
    {
        if (!await IsActiveAsync(claims, cancellationToken))
        {
            throw Refused();
        }

        return Caller.Invited(claims.MemberState, claims.CallId, claims.InvitationId);
    }

    /// <summary>Called when an invitation is revoked here: its token stops working on this instance at once.</summary>
    public void Forget(Invitation invitation) => _statuses[invitation.Id] = (false, invitation.ExpiresAt.ToUnixTimeSeconds(), DateTimeOffset.MaxValue);

    private async Task<bool> IsActiveAsync(MemberStateToken claims, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_statuses.TryGetValue(claims.InvitationId, out var known) && known.Until > now)
        {
            return known.Active && known.ExpiresAt == claims.ExpiresAt.ToUnixTimeSeconds();
        }

        var stored = (await invitations.FindAsync(claims.CallId, claims.InvitationId, cancellationToken))?.Value;
        var active = stored is { Status: InvitationStatus.Active }
            && stored.MemberState == claims.MemberState
            && stored.CallId == claims.CallId;
        var expiresAt = stored?.ExpiresAt.ToUnixTimeSeconds() ?? 0;
        // Only known invitations are remembered (a signed token names one), and a revoked one stays revoked.
        // A revocation seen meanwhile (Forget, or another read) is never overwritten by this older read.
        if (stored is not null)
        {
            var status = (active, expiresAt, active ? now + StatusMemory : DateTimeOffset.MaxValue);
            _statuses.AddOrUpdate(claims.InvitationId, status, (_, known) => known.Active ? status : known);
        }

        return active && expiresAt == claims.ExpiresAt.ToUnixTimeSeconds();
    }

    public static Rejection Refused() =>
        new(RejectionKind.Unauthenticated, "Invitation token not accepted.",
            "The invitation link is not valid: it may have expired, been revoked or been changed. Ask the secretariat for a new invitation.");
}
