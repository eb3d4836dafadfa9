namespace HostingCalls.Core.Notifications.Delivery;

public enum DeliveryEventType
{
    /// <summary>SendGrid accepted the message and will try to send it.</summary>
    Processed,

    /// <summary>The receiving server accepted the message.</summary>
    Delivered,

    /// <summary>The receiving server refused it for now; SendGrid will retry.</summary>
    Deferred,

    /// <summary>The receiving server refused it for good, as a bounce or as blocked.</summary>
    Bounced,

    /// <summary>SendGrid did not send it, for example because the address is on a suppression list.</summary>
    Dropped,

    /// <summary>Engagement and anything else (open, click, spam report, unsubscribe...): not about delivery.</summary>
    Other,
}
