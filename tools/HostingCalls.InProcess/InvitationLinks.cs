using HostingCalls.Core.Invitations;

namespace HostingCalls.InProcess;

/// <summary>Reads a focal point's token out of the invitation email, as the portal reads it out of the link.</summary>
public static class InvitationLinks
{
    /// <summary>The token after <c>#invitation=</c> in the email's text form.</summary>
    public static string TokenOf(CapturedEmail email)
    {
        var text = email.Text;
        var start = text.IndexOf(InvitationMail.Fragment, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"The email '{email.Subject}' carries no invitation link.");
        }

        start += InvitationMail.Fragment.Length;
        var end = start;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '.' or '-' or '_'))
        {
            end++;
        }

        return text[start..end];
    }

    /// <summary>The invitation email SendGrid accepted for an invitation.</summary>
    public static CapturedEmail EmailOf(SendGridCapture sendGrid, string invitationId) =>
        sendGrid.Accepted.Single(e => e.NotificationId == $"{invitationId}-invitation-1");
}
