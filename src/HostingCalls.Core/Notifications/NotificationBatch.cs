namespace HostingCalls.Core.Notifications;

/// <summary>
/// One queue message for several notifications of one call, released together: they are claimed in one
/// transaction, sent each on its own, and settled in one transaction. Each keeps its own send-once row.
/// </summary>
public sealed record NotificationBatch(string CallId, IReadOnlyList<string> NotificationIds)
{
    /// <summary>
    /// At most this many per batch: a transaction holds 100 rows, and each notification may need a second row
    /// (its audit entry) in the same transaction.
    /// </summary>
    public const int MaxSize = 49;
}
