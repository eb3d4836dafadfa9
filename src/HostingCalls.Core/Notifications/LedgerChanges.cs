using HostingCalls.Core.Audit;
using HostingCalls.Core.Common;

namespace HostingCalls.Core.Notifications;

/// <summary>Changes to several rows of the ledger at once, each still guarded by its own ETag.</summary>
public static class LedgerChanges
{
    /// <summary>
    /// Makes every move whose row still has the ETag it was read with: in one transaction per group of
    /// <see cref="NotificationBatch.MaxSize"/> (<see cref="NotificationBatch.MaxAudited"/> with audit entries) when
    /// none of the group changed meanwhile, else one by one, leaving out those another run (a second delivery, a
    /// re-drive, a delivery event) changed first. Returns the rows moved, with their new ETags. Each move's audit
    /// entry, if any, is written with it.
    /// </summary>
    public static async Task<IReadOnlyList<Stored<Notification>>> MoveUnchangedAsync(
        this INotificationLedger ledger, IReadOnlyList<NotificationMove> moves, CancellationToken cancellationToken, IReadOnlyList<AuditEntry?>? audits = null)
    {
        var size = audits is null ? NotificationBatch.MaxSize : NotificationBatch.MaxAudited;
        var moved = new List<Stored<Notification>>();
        for (var start = 0; start < moves.Count; start += size)
        {
            var group = moves.Skip(start).Take(size).ToList();
            var groupAudits = audits?.Skip(start).Take(size).ToList();
            if (await ledger.TryMoveAllAsync(group, groupAudits, cancellationToken) is { } etags)
            {
                moved.AddRange(group.Select((move, i) => new Stored<Notification>(move.To, etags[i])));
                continue;
            }

            var one = await Task.WhenAll(group.Select(async (move, i) =>
                await ledger.TryReplaceAsync(move.To, move.From.ETag, groupAudits?[i], cancellationToken) is { } etag ? new Stored<Notification>(move.To, etag) : null));
            moved.AddRange(one.OfType<Stored<Notification>>());
        }

        return moved;
    }
}
