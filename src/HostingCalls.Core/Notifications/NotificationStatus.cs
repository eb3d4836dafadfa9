namespace HostingCalls.Core.Notifications;

public enum NotificationStatus
{
    /// <summary>Recorded with the change it tells of, not yet on the queue.</summary>
    Recorded,

    /// <summary>On the notifications queue, waiting to be sent.</summary>
    Queued,
}
