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

    public Task<Stored<Notification>?> FindAsync(string callId, string notificationId, CancellationToken cancellationToken) =>
        Task.FromResult(_rows.GetValueOrDefault(notificationId));

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

    public Task<string?> TryReplaceAsync(Notification notification, string etag, CancellationToken cancellationToken) =>
        TryReplaceAsync(notification, etag, null, cancellationToken);

    /// <summary>Every audit entry written with a move, in order.</summary>
    public List<AuditEntry> Audited { get; } = [];

    public Task<string?> TryReplaceAsync(Notification notification, string etag, AuditEntry? audit, CancellationToken cancellationToken)
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
