namespace HostingCalls.Functions.Storage;

/// <summary>The tables, containers and queues the app uses; infra/ creates the same ones in Azure.</summary>
public static class StorageNames
{
    public const string CallsTable = "calls";

    /// <summary>Offers, their idempotency keys, their notification ledger and their reviews, one partition per call.</summary>
    public const string OffersTable = "offers";

    public const string AttachmentsContainer = "attachments";

    /// <summary>Ranking snapshots: <c>{callId}/{version}.json</c>, written once.</summary>
    public const string RankingsContainer = "rankings";

    public const string NotificationsQueue = "notifications";

    /// <summary>Where the Functions host moves a notification message after its last failed delivery.</summary>
    public const string NotificationsPoisonQueue = "notifications-poison";

    /// <summary>SendGrid Event Webhook signatures and event ids already taken.</summary>
    public const string DeliveryEventsTable = "deliveryevents";
}
