using Azure;
using Azure.Data.Tables;
using HostingCalls.Core.Notifications;

namespace HostingCalls.Functions.Storage;

/// <summary>A ledger row, in its call's partition of the offers table so it can be written with the offer it tells of.</summary>
internal static class NotificationEntity
{
    public const string Prefix = "notification|";

    /// <summary>The end of the ledger's row-key range: '}' sorts right after '|'.</summary>
    public const string End = "notification}";

    public static string RowKeyOf(string notificationId) => Prefix + notificationId;

    public static TableEntity From(Notification notification) => new(notification.CallId, RowKeyOf(notification.Id))
    {
        ["Type"] = "Notification",
        ["OfferId"] = notification.OfferId,
        ["InvitationId"] = notification.InvitationId,
        ["Kind"] = notification.Kind.ToString(),
        ["Status"] = notification.Status.ToString(),
        ["RecordedAt"] = notification.RecordedAt,
        ["QueuedAt"] = notification.QueuedAt,
        ["Attempts"] = notification.Attempts,
        ["LastError"] = notification.LastError,
        ["MessageId"] = notification.MessageId,
        ["SentAt"] = notification.SentAt,
        ["EventAt"] = notification.EventAt,
        ["Note"] = notification.Note,
    };

    /// <summary>
    /// The write that turns the row as read into the move's new value, guarded by the ETag it was read with: only the
    /// properties that change (a merge) when none is removed, else the whole row (a replace). Either leaves the same
    /// row; a merge carries less, and costs Azurite far less than a replace, which it makes a delete and an insert.
    /// </summary>
    public static TableTransactionAction Move(NotificationMove move)
    {
        var from = From(move.From.Value);
        var to = From(move.To);
        var etag = new ETag(move.From.ETag);
        if (from.Any(p => p.Value is not null && to[p.Key] is null))
        {
            return new(TableTransactionActionType.UpdateReplace, to, etag);
        }

        var changes = new TableEntity(to.PartitionKey, to.RowKey);
        foreach (var (name, value) in to)
        {
            if (value is not null && !Equals(value, from[name]))
            {
                changes[name] = value;
            }
        }

        return new(TableTransactionActionType.UpdateMerge, changes, etag);
    }

    public static Notification ToNotification(TableEntity entity) => new(
        entity.RowKey[Prefix.Length..],
        entity.PartitionKey,
        entity.GetString("OfferId"),
        Enum.Parse<NotificationKind>(entity.GetString("Kind")),
        Enum.Parse<NotificationStatus>(entity.GetString("Status")),
        entity.GetDateTimeOffset("RecordedAt")!.Value,
        entity.GetDateTimeOffset("QueuedAt"))
    {
        Attempts = entity.GetInt32("Attempts") ?? 0,
        InvitationId = entity.GetString("InvitationId"),
        LastError = entity.GetString("LastError"),
        MessageId = entity.GetString("MessageId"),
        SentAt = entity.GetDateTimeOffset("SentAt"),
        EventAt = entity.GetDateTimeOffset("EventAt"),
        Note = entity.GetString("Note"),
    };
}
