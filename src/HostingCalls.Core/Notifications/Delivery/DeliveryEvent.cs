namespace HostingCalls.Core.Notifications.Delivery;

/// <summary>
/// One SendGrid Event Webhook event as we use it. <paramref name="EventId"/> is SendGrid's <c>sg_event_id</c>, the key
/// for ignoring the same event sent again; <paramref name="CallId"/> and <paramref name="NotificationId"/> are the
/// custom args we set when sending.
/// </summary>
public sealed record DeliveryEvent(
    string EventId,
    DeliveryEventType Type,
    DateTimeOffset At,
    string? CallId,
    string? NotificationId,
    string? MessageId,
    string? Reason);
