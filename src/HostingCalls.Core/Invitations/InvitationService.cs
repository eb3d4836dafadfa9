using HostingCalls.Core.Access;
using HostingCalls.Core.Audit;
using HostingCalls.Core.Calls;
using HostingCalls.Core.Common;
using HostingCalls.Core.Notifications;

namespace HostingCalls.Core.Invitations;

/// <summary>
/// The secretariat invites Member States' focal points to a call, lists the invitations and revokes them. An
/// invitation and the notification of its email are stored together, then the email is queued like any other, and
/// sent at most once; its token is signed only when the email is written, and never returned here.
/// </summary>
public sealed class InvitationService(
    ICallStore calls, IInvitationStore invitations, INotificationLedger ledger, NotificationOutbox outbox,
    MemberStateTokens tokens, InvitationOptions options, FocalPointSignIn signIn, TimeProvider clock)
{
    public async Task<InvitationView> InviteAsync(Caller caller, string callId, InvitationInput input, CancellationToken cancellationToken)
    {
        caller.EnsureSecretariat();
        var call = (await calls.FindVisibleAsync(caller, callId, cancellationToken)).Value;
        var (memberState, email, language, name, mission) = InvitationRules.Apply(input);
        var now = clock.GetUtcNow();
        // Only once Open: a Draft's dates may still change, and the token's expiry and the email's dates are fixed here.
        if (call.Status == CallStatus.Draft)
        {
            throw Rejection.Conflict("The call is not open yet.",
                "The call is a Draft, whose dates may still change; focal points are invited once it is Open, so that their link's expiry and the dates in their email hold.",
                new Dictionary<string, object?> { ["callStatus"] = nameof(CallStatus.Draft) });
        }

        if (call.Status != CallStatus.Open || call.LastAcceptedAt <= now)
        {
            throw Rejection.Conflict("The call takes no more offers.",
                $"The call is {call.Status} and its deadline is {CallTime.Describe(call.Deadline, call.TimeZone)}; focal points are invited while offers can still be made.");
        }

        if (!tokens.CanSign || !Uri.TryCreate(options.PortalUrl, UriKind.Absolute, out _))
        {
            throw Rejection.Conflict("Invitations are not set up.",
                "The app has no token signing key (MemberStateTokens__SigningKeys) or no portal address (Invitations__PortalUrl); ask its operators to set them.");
        }

        var invitation = new Invitation
        {
            Id = Ids.New(clock),
            CallId = call.Id,
            MemberState = memberState,
            Email = email,
            Language = language,
            Name = name,
            PermanentMissionEmail = mission,
            Status = InvitationStatus.Active,
            IssuedAt = now,
            IssuedBy = caller.Id,
            ExpiresAt = ExpiryFor(call),
        };
        // Recorded as already queued, so queueing needs no second write; if queueing fails it is given back to the outbox.
        var notification = Notification.AboutInvitation(invitation, now) with { Status = NotificationStatus.Queued, QueuedAt = now };
        var stored = await invitations.AddAsync(invitation, notification, AuditEntries.InvitationChanged(invitation, AuditActor.Of(caller), clock), cancellationToken);
        await outbox.TryQueueClaimedAsync(notification, cancellationToken);
        return InvitationView.Of(stored, notification);
    }

    public async Task<IReadOnlyList<InvitationView>> ListAsync(Caller caller, string callId, CancellationToken cancellationToken)
    {
        caller.EnsureSecretariat();
        var call = (await calls.FindVisibleAsync(caller, callId, cancellationToken)).Value;
        var emails = (await ledger.ListAsync(call.Id, cancellationToken))
            .Where(n => n.Value.Kind == NotificationKind.Invitation)
            .ToDictionary(n => n.Value.Id, n => n.Value, StringComparer.Ordinal);
        var list = await invitations.ListAsync(call.Id, cancellationToken);
        return [.. list.OrderBy(i => i.Value.Id, StringComparer.Ordinal).Select(i => InvitationView.Of(i, emails.GetValueOrDefault(i.Value.NotificationId)))];
    }

    /// <summary>Revokes an invitation (If-Match): its token stops working at once here, and everywhere within <see cref="FocalPointSignIn.StatusMemory"/>.</summary>
    public async Task<InvitationView> RevokeAsync(Caller caller, string callId, string invitationId, string? ifMatch, CancellationToken cancellationToken)
    {
        caller.EnsureSecretariat();
        var call = (await calls.FindVisibleAsync(caller, callId, cancellationToken)).Value;
        var stored = (Ids.IsWellFormed(invitationId) ? await invitations.FindAsync(call.Id, invitationId, cancellationToken) : null)
            ?? throw Rejection.NotFound("invitation");
        var etag = ifMatch ?? throw Rejection.PreconditionRequired("invitation");
        if (stored.Value.Status == InvitationStatus.Revoked)
        {
            throw Rejection.Conflict("The invitation is already revoked.", "Its token no longer works; invite the focal point again if needed.");
        }

        var revoked = stored.Value with { Status = InvitationStatus.Revoked, RevokedAt = clock.GetUtcNow(), RevokedBy = caller.Id };
        var saved = await invitations.ReplaceAsync(revoked, etag, AuditEntries.InvitationChanged(revoked, AuditActor.Of(caller), clock), cancellationToken);
        signIn.Forget(revoked);
        var email = await ledger.FindAsync(call.Id, revoked.NotificationId, cancellationToken);
        return InvitationView.Of(saved, email?.Value);
    }

    /// <summary>
    /// A focal point needs the link beyond the deadline: to read their offers once the call has closed, learn the
    /// result and, as a host or a promoted reserve, confirm. So it lasts until the results date, plus the days a host
    /// has to confirm, plus <see cref="InvitationOptions.DaysAfterConfirmation"/>.
    /// </summary>
    public static DateTimeOffset ExpiryFor(Call call)
    {
        var results = call.ResultsDate > call.LastAcceptedAt ? call.ResultsDate : call.LastAcceptedAt;
        return results.AddDays(call.HostConfirmationDays + InvitationOptions.DaysAfterConfirmation);
    }
}
