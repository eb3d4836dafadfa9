using HostingCalls.Core.Common;

namespace HostingCalls.Core.Notifications;

/// <summary>A notification as the secretariat sees it, with the ETag a re-drive needs.</summary>
public sealed record NotificationView(
    string Id,
    string? OfferId,
    NotificationKind Kind,
    NotificationStatus Status,
    int Attempts,
    string? LastError,
    string? MessageId,
    DateTimeOffset RecordedAt,
    DateTimeOffset? QueuedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? EventAt,
    string? Note,
    [property: System.Text.Json.Serialization.JsonPropertyName("etag")] string ETag)
{
    public static NotificationView Of(Stored<Notification> stored)
    {
        var n = stored.Value;
        return new NotificationView(n.Id, n.OfferId, n.Kind, n.Status, n.Attempts, n.LastError, n.MessageId, n.RecordedAt, n.QueuedAt, n.SentAt, n.EventAt, n.Note, stored.ETag);
    }
}
