using HostingCalls.Core.Notifications.Emails;

namespace HostingCalls.Core.Notifications;

/// <summary>An email ready to hand over: who gets it, a copy, and its content; the ids travel with it for the Event Webhook.</summary>
public sealed record OutgoingEmail(string CallId, string NotificationId, NotificationKind Kind, string To, string? ToName, string? Cc, Email Content);
