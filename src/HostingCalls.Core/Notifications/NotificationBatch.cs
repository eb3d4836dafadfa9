namespace HostingCalls.Core.Notifications;

/// <summary>
/// One queue message for several notifications of one call, released together: they are claimed in one
/// transaction, sent each on its own, and settled with their audit entries. Each keeps its own send-once row.
/// </summary>
public sealed record NotificationBatch(string CallId, IReadOnlyList<string> NotificationIds)
{
    /// <summary>At most this many per batch: a transaction holds 100 rows, and the claim takes them all in one.</summary>
    public const int MaxSize = 98;

    /// <summary>At most this many changes per transaction when each is written with its audit entry (a second row).</summary>
    public const int MaxAudited = MaxSize / 2;
}
