using HostingCalls.Core.Audit;
using HostingCalls.Core.Common;
using HostingCalls.Core.Notifications;

namespace HostingCalls.Core.UnitTests.Notifications;

/// <summary>A ledger in memory with the table's ETag rules: a replace with a stale ETag changes nothing.</summary>
internal sealed class InMemoryNotificationLedger : INotificationLedger
{
    private readonly Dictionary<string, Stored<Notification>> _rows = [];
    private int _version;

    public Notification this[string id] => _rows[id].Value;

    public Task<Stored<Notification>?> FindAsync(string callId, string notificationId, CancellationToken cancellationToken)
    {
        lock (_rows)
        {
            return Task.FromResult(_rows.GetValueOrDefault(notificationId));
        }
    }

    public Task<IReadOnlyList<Stored<Notification>>> ListAsync(string callId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Stored<Notification>>>([.. _rows.Values.Where(r => r.Value.CallId == callId)]);

    public Task<int> RecordAsync(IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var notification in notifications.Where(n => !_rows.ContainsKey(n.Id)))
        {
            _rows[notification.Id] = new(notification, NextETag());
            added++;
        }

        return Task.FromResult(added);
    }

    public Task<IReadOnlyList<Stored<Notification>>?> TryRecordAllAsync(IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        Assert.True(notifications.Count <= 100, "more than 100 rows in one transaction");
        if (notifications.Any(n => _rows.ContainsKey(n.Id)))
        {
            return Task.FromResult<IReadOnlyList<Stored<Notification>>?>(null);
        }

        foreach (var notification in notifications)
        {
            _rows[notification.Id] = new(notification, NextETag());
        }

        return Task.FromResult<IReadOnlyList<Stored<Notification>>?>([.. notifications.Select(n => _rows[n.Id])]);
    }

    public Task<IReadOnlyList<Stored<Notification>>> FindAllAsync(string callId, IReadOnlyCollection<string> notificationIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Stored<Notification>>>([.. notificationIds.Where(_rows.ContainsKey).Select(id => _rows[id])]);

    /// <summary>All or nothing, as the table's transaction: one stale ETag changes none of them.</summary>
    public Task<IReadOnlyList<string>?> TryMoveAllAsync(IReadOnlyList<NotificationMove> moves, IReadOnlyList<AuditEntry?>? audits, CancellationToken cancellationToken)
    {
        // The table refuses a transaction of more than 100 rows.
        Assert.True(moves.Count + (audits ?? []).OfType<AuditEntry>().Count() <= 100, "more than 100 rows in one transaction");
        if (moves.Any(m => !_rows.TryGetValue(m.To.Id, out var row) || row.ETag != m.From.ETag))
        {
            return Task.FromResult<IReadOnlyList<string>?>(null);
        }

        var etags = new List<string>();
        foreach (var move in moves)
        {
            etags.Add(NextETag());
            _rows[move.To.Id] = new(move.To, etags[^1]);
        }

        Audited.AddRange((audits ?? []).OfType<AuditEntry>());

        return Task.FromResult<IReadOnlyList<string>?>(etags);
    }

    public Task<string?> TryReplaceAsync(Notification notification, string etag, CancellationToken cancellationToken) =>
        TryReplaceAsync(notification, etag, null, cancellationToken);

    /// <summary>Every audit entry written with a move, in order.</summary>
    public List<AuditEntry> Audited { get; } = [];

    public Task<string?> TryReplaceAsync(Notification notification, string etag, AuditEntry? audit, CancellationToken cancellationToken)
    {
        lock (_rows)
        {
            return TryReplace(notification, etag, audit);
        }
    }

    private Task<string?> TryReplace(Notification notification, string etag, AuditEntry? audit)
    {
        if (!_rows.TryGetValue(notification.Id, out var row) || row.ETag != etag)
        {
            return Task.FromResult<string?>(null);
        }

        var next = NextETag();
        _rows[notification.Id] = new(notification, next);
        if (audit is not null)
        {
            Audited.Add(audit);
        }

        return Task.FromResult<string?>(next);
    }

    public Task<IReadOnlyList<Stored<Notification>>> ListStrandedAsync(DateTimeOffset recordedBefore, DateTimeOffset queuedBefore, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Stored<Notification>>>([.. _rows.Values.Where(r =>
            (r.Value.Status == NotificationStatus.Recorded && r.Value.RecordedAt < recordedBefore)
            || (r.Value.Status == NotificationStatus.Queued && r.Value.QueuedAt < queuedBefore))]);

    private string NextETag() => $"etag-{++_version}";
}
