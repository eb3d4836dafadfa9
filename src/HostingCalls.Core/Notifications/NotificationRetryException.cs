namespace HostingCalls.Core.Notifications;

/// <summary>Thrown so that the queue delivers the message again: the email was not sent, or may not have been.</summary>
public sealed class NotificationRetryException(string notificationId, string reason)
    : Exception($"Notification {notificationId} will be retried: {reason}");
