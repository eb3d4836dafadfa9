using HostingCalls.Core.Audit;
using HostingCalls.Core.Common;

namespace HostingCalls.Core.Notifications;

/// <summary>Changes to several rows of the ledger at once, each still guarded by its own ETag.</summary>
public static class LedgerChanges
{
    /// <summary>
    /// Applies every change whose row still has its ETag: all in one transaction when none changed meanwhile, else
    /// one by one, leaving out those another run (a second delivery, a re-drive, a delivery event) changed first.
    /// Returns the rows changed, with their new ETags. Each change's audit entry, if any, is written with it.
    /// </summary>
    public static async Task<IReadOnlyList<Stored<Notification>>> ReplaceUnchangedAsync(
        this INotificationLedger ledger, IReadOnlyList<Stored<Notification>> changes, CancellationToken cancellationToken, IReadOnlyList<AuditEntry?>? audits = null)
    {
        if (changes.Count == 0)
        {
            return [];
        }

        if (await ledger.TryReplaceAllAsync(changes, audits, cancellationToken) is { } etags)
        {
            return [.. changes.Select((change, i) => change with { ETag = etags[i] })];
        }

        var changed = await Task.WhenAll(changes.Select(async (change, i) =>
            await ledger.TryReplaceAsync(change.Value, change.ETag, audits?[i], cancellationToken) is { } etag ? change with { ETag = etag } : null));
        return [.. changed.OfType<Stored<Notification>>()];
    }
}
