using HostingCalls.Core.Notifications.Emails;

namespace HostingCalls.Core.Notifications;

/// <summary>
/// An email ready to hand over: who gets it (as <see cref="RecipientRule"/> decided), and its content; the ids travel
/// with it for the Event Webhook.
/// </summary>
public sealed record OutgoingEmail(string CallId, string NotificationId, NotificationKind Kind, Recipients Recipients, Email Content)
{
    public string To => Recipients.To;

    public string? ToName => Recipients.ToName;

    public IReadOnlyList<string> Cc => Recipients.Cc;
}
