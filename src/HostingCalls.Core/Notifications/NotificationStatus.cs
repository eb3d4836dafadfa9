namespace HostingCalls.Core.Notifications;

/// <summary>How far a notification has gone. Each step is a conditional write, so no two runs take the same step.</summary>
public enum NotificationStatus
{
    /// <summary>Recorded with the change it tells of, not yet on the queue.</summary>
    Recorded,

    /// <summary>On the notifications queue, waiting to be sent.</summary>
    Queued,

    /// <summary>A sender took it and is handing it to SendGrid.</summary>
    Sending,

    /// <summary>SendGrid accepted it (202), with its message id.</summary>
    Sent,

    /// <summary>
    /// A send was started but its outcome is unknown (the process stopped, or SendGrid did not answer in time).
    /// It is never sent again by itself: a delivery event settles it, or the secretariat re-drives it.
    /// </summary>
    Unconfirmed,

    /// <summary>SendGrid refused it for good, or every attempt failed; the secretariat may re-drive it.</summary>
    Failed,

    /// <summary>The receiving server took it (Event Webhook).</summary>
    Delivered,

    /// <summary>The receiving server refused it (Event Webhook).</summary>
    Bounced,

    /// <summary>SendGrid did not send it (Event Webhook), for example to an address that bounced before.</summary>
    Dropped,
}
