using HostingCalls.Core.Calls;
using HostingCalls.Core.MemberStates;
using HostingCalls.Core.Notifications;
using HostingCalls.Core.Notifications.Emails;

namespace HostingCalls.Core.Invitations;

/// <summary>
/// Writes an invitation's email at send time, with its link <c>{PortalUrl}#invitation={token}</c>: the token is
/// signed here, from the stored invitation, and goes nowhere but into the email.
/// </summary>
public sealed class InvitationMail(IInvitationStore invitations, MemberStateTokens tokens, InvitationOptions options)
{
    public const string Fragment = "#invitation=";

    public async Task<OutgoingEmail> ComposeAsync(Call call, Notification notification, CancellationToken cancellationToken)
    {
        var invitation = (notification.InvitationId is { } id ? await invitations.FindAsync(call.Id, id, cancellationToken) : null)?.Value
            ?? throw new InvalidDataException($"The invitation of notification {notification.Id} is missing.");
        if (invitation.Status != InvitationStatus.Active)
        {
            throw new InvalidDataException($"Invitation {invitation.Id} was revoked before its email was sent; invite again if needed.");
        }

        if (!tokens.CanSign || string.IsNullOrWhiteSpace(options.PortalUrl))
        {
            throw new InvalidDataException("No token signing key or no portal address is set; the invitation cannot carry its link.");
        }

        var token = tokens.Sign(new MemberStateToken(call.Id, invitation.MemberState, invitation.Id, invitation.ExpiresAt));
        var facts = new EmailFacts
        {
            CallTitle = call.Title,
            Organisation = call.Organisation,
            RecipientName = invitation.Name ?? invitation.Email,
            MemberStateName = MemberStateDirectory.Find(invitation.MemberState)?.Name ?? invitation.MemberState,
            TimeZone = call.TimeZone,
            Deadline = call.LastAcceptedAt,
            Link = LinkOf(token),
            ValidUntil = invitation.ExpiresAt,
        };
        return new OutgoingEmail(call.Id, notification.Id, notification.Kind, RecipientRule.ForInvitation(invitation),
            EmailTemplates.Render(NotificationKind.Invitation, invitation.Language, facts));
    }

    private string LinkOf(string token) => options.PortalUrl.Split('#')[0] + Fragment + token;
}
