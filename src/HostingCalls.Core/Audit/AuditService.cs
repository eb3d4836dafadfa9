using HostingCalls.Core.Access;
using HostingCalls.Core.Calls;
using HostingCalls.Core.Common;
using Microsoft.Extensions.Logging;

namespace HostingCalls.Core.Audit;

/// <summary>
/// Keeps each call's trail: records the entries of the call's own transitions, seals journaled entries into the
/// hash chain, and lets the secretariat read and verify it. Sealing takes the pending entries in a fixed order
/// (time, then id) and appends them with the head in one transaction; a sealer that loses the head's ETag reads
/// again, so two at once make one chain without gaps or duplicates.
/// </summary>
public sealed partial class AuditService(ICallStore calls, IAuditTrail trail, TimeProvider clock, ILogger<AuditService> logger)
{
    /// <summary>A table transaction holds at most 100 actions: the head and, per entry, its row, its journal row and its id.</summary>
    private const int MaxActions = 100;
    private const int Attempts = 10;
    public const int MaxPageSize = 500;

    /// <summary>
    /// How old a transition the call shows must be before sealing restores its missing entry: its own writer
    /// records it within moments, and should be the one to.
    /// </summary>
    public static readonly TimeSpan RestoreAfter = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Records a call transition's entry, right after the call's update. A failure is logged, not thrown: the change
    /// is made, and sealing restores the entry from the call's state.
    /// </summary>
    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            await trail.AddAsync(entry, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogRecordFailed(logger, exception, entry.EventId, entry.CallId);
        }
    }

    /// <summary>Records and seals at once, for the transitions after which the trail should be whole (never throws).</summary>
    public async Task RecordAndSealAsync(IEnumerable<AuditEntry> entries, string callId, CancellationToken cancellationToken)
    {
        foreach (var entry in entries)
        {
            await RecordAsync(entry, cancellationToken);
        }

        try
        {
            await SealAsync(callId, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogSealFailed(logger, exception, callId);
        }
    }

    /// <summary>Chains every pending entry of the call (and restores missing transition entries); returns the head.</summary>
    public async Task<AuditHead?> SealAsync(string callId, CancellationToken cancellationToken) =>
        (await SealCallAsync(callId, cancellationToken)).Head;

    /// <summary>
    /// Seals the calls that may have something to seal: those with journaled entries, and those changed since their
    /// transitions were last found chained once the change is <see cref="RestoreAfter"/> old (a lost entry is
    /// restored then). A call with neither costs no storage request.
    /// </summary>
    public async Task<IReadOnlyList<string>> SealAllAsync(CancellationToken cancellationToken)
    {
        var failed = new List<string>();
        var pending = await trail.CallsWithPendingAsync(cancellationToken);
        var transitionsChecked = await trail.TransitionsCheckedAsync(cancellationToken);
        var cutoff = clock.GetUtcNow() - RestoreAfter;
        foreach (var status in Enum.GetValues<CallStatus>())
        {
            foreach (var stored in await calls.ListAsync(status, cancellationToken))
            {
                var callId = stored.Value.Id;
                var checkedETag = transitionsChecked.GetValueOrDefault(callId);
                var restorable = stored.Value.UpdatedAt <= cutoff && checkedETag != stored.ETag;
                if (!pending.Contains(callId) && !restorable)
                {
                    continue;
                }

                await CallRuns.GuardAsync(callId, failed, async () =>
                {
                    var sealedCall = await SealCallAsync(callId, cancellationToken);
                    if (sealedCall.TransitionsChecked is { } etag && etag != checkedETag)
                    {
                        await trail.MarkTransitionsCheckedAsync(callId, etag, cancellationToken);
                    }

                    return true;
                }, LogFailed);
            }
        }

        return failed;
    }

    /// <summary>
    /// Seals one call; also says the call's ETag when every transition it shows is now chained (its last change old
    /// enough to restore from), else null.
    /// </summary>
    private async Task<(AuditHead? Head, string? TransitionsChecked)> SealCallAsync(string callId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            // The call before the journal: a writer that moved the call and then journaled its entry is seen with it.
            var cutoff = clock.GetUtcNow() - RestoreAfter;
            var call = await calls.FindAsync(callId, cancellationToken);
            var head = await trail.HeadAsync(callId, cancellationToken);
            var pending = await trail.PendingAsync(callId, cancellationToken);
            // Restored only once the call's last change is that old, so a writer still between its update and its
            // entry (whatever time the entry carries) is never overtaken by a restore.
            var implied = call is not null && call.Value.UpdatedAt <= cutoff ? CallAudit.ImpliedBy(call.Value).ToList() : [];
            var checkedETag = implied.Count > 0 && implied.All(e => e.At <= cutoff) ? call!.ETag : null;
            implied.RemoveAll(e => e.At > cutoff);
            var chainedAfterTheFact = implied.Count > 0 || pending.Any(e => e.AfterTheFact)
                ? await trail.ChainedAfterTheFactAsync(callId, cancellationToken)
                : new HashSet<string>();
            var journaled = pending.Select(e => e.EventId).ToHashSet(StringComparer.Ordinal);
            var restored = implied.Where(e => !chainedAfterTheFact.Contains(e.EventId) && !journaled.Contains(e.EventId)).ToList();
            if (pending.Count == 0 && restored.Count == 0)
            {
                return (head?.Value, checkedETag);
            }

            var candidates = pending.Select(e => (Entry: e, Journaled: true))
                .Concat(restored.Select(e => (Entry: e, Journaled: false)))
                .OrderBy(c => c.Entry.At).ThenBy(c => c.Entry.EventId, StringComparer.Ordinal)
                .ToList();
            var sealedHead = await AppendAsync(callId, head, candidates, chainedAfterTheFact, cancellationToken);
            if (sealedHead is not null)
            {
                LogSealed(logger, callId, sealedHead.Value.Sequence, sealedHead.Value.Hash);
                return (sealedHead.Value, checkedETag);
            }

            await EnsureLostToAnotherSealerAsync(callId, head, cancellationToken);
            if (attempt == Attempts)
            {
                throw new InvalidOperationException($"Sealing the audit trail of call {callId} lost to other sealers {Attempts} times.");
            }
        }
    }

    /// <summary>
    /// Every seal moves the head, so an append refused while the head stayed where it was did not lose to another
    /// sealer: the chain was changed outside sealing (its head removed or put back, an entry added beyond it). Retrying
    /// cannot help; this fails at once, and verification names the break.
    /// </summary>
    private async Task EnsureLostToAnotherSealerAsync(string callId, Stored<AuditHead>? head, CancellationToken cancellationToken)
    {
        var now = await trail.HeadAsync(callId, cancellationToken);
        if (now?.ETag != head?.ETag)
        {
            return;
        }

        var reason = head is null && (await trail.ReadAsync(callId, 1, 1, cancellationToken)).Count > 0
            ? "its head is missing though entries are chained (removed or lost), so the chain cannot be extended"
            : $"an entry after the head (entry {(head?.Value.Sequence ?? 0) + 1}) or a pending entry was changed outside sealing";
        LogChainBroken(logger, callId, reason);
        throw new InvalidDataException($"The audit trail of call {callId} cannot be sealed: {reason}. Verify the trail; this is tampering or loss, not contention.");
    }

    /// <summary>A page of the call's trail, sealed first so that it shows every change made so far.</summary>
    public async Task<AuditPage> ListAsync(Caller caller, string callId, long? from, int? limit, CancellationToken cancellationToken)
    {
        caller.EnsureSecretariat();
        var call = (await calls.FindVisibleAsync(caller, callId, cancellationToken)).Value;
        if (limit is > MaxPageSize)
        {
            throw Rejection.Invalid("limit", $"At most {MaxPageSize} entries a page.");
        }

        if (from is null or 1)
        {
            await RecordAndSealAsync([], call.Id, cancellationToken); // a trail that cannot be extended (its head removed) is still read
        }

        var head = (await trail.HeadAsync(call.Id, cancellationToken))?.Value;
        var start = from ?? 1;
        var records = await trail.ReadAsync(call.Id, start, limit ?? 100, cancellationToken);
        // An unreadable entry is shown as such, not a failed page: the secretariat still reads the rest.
        var entries = records.Select(r => AuditChain.Read(r) is { } read ? AuditEntryView.Of(read) : AuditEntryView.OfUnreadable(r)).ToList();
        var last = records.Select(r => r.Sequence).Append(start - 1).Max();
        return new AuditPage(call.Id, head?.Sequence ?? 0, head?.Hash, entries, head is not null && last < head.Sequence ? last + 1 : null);
    }

    /// <summary>Seals, then checks the whole chain against its head.</summary>
    public async Task<AuditVerification> VerifyAsync(Caller caller, string callId, CancellationToken cancellationToken)
    {
        caller.EnsureSecretariat();
        var call = (await calls.FindVisibleAsync(caller, callId, cancellationToken)).Value;
        await RecordAndSealAsync([], call.Id, cancellationToken); // and verified
        var (head, records) = await ReadConsistentlyAsync(call.Id, cancellationToken);
        var verification = AuditChain.Verify(call.Id, records, head?.Value, clock.GetUtcNow());
        if (!verification.Ok)
        {
            LogBroken(logger, call.Id, verification.BrokenAt!.Sequence, verification.BrokenAt.Reason);
        }

        return verification;
    }

    /// <summary>
    /// The head and every entry as of one moment: a seal landing between the two reads (the timer, a transition) would
    /// otherwise look like entries beyond the head or missing below it, so the reads are repeated until the head held still.
    /// </summary>
    private async Task<(Stored<AuditHead>? Head, List<AuditRecord> Records)> ReadConsistentlyAsync(string callId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var head = await trail.HeadAsync(callId, cancellationToken);
            var records = new List<AuditRecord>();
            await foreach (var record in trail.ReadAllAsync(callId, cancellationToken))
            {
                records.Add(record);
            }

            var after = await trail.HeadAsync(callId, cancellationToken);
            if (after?.ETag == head?.ETag || attempt == Attempts)
            {
                return (head, records);
            }
        }
    }

    /// <summary>Appends the candidates in batches that fit a transaction; null when another sealer got there first.</summary>
    private async Task<Stored<AuditHead>?> AppendAsync(string callId, Stored<AuditHead>? head, List<(AuditEntry Entry, bool Journaled)> candidates, IReadOnlySet<string> chainedAfterTheFact, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(chainedAfterTheFact, StringComparer.Ordinal);
        var index = 0;
        while (index < candidates.Count)
        {
            var (toChain, journaled, actions) = (new List<AuditEntry>(), new List<string>(), 1);
            for (; index < candidates.Count && actions + 3 <= MaxActions; index++)
            {
                var (entry, inJournal) = candidates[index];
                if (inJournal)
                {
                    journaled.Add(entry.EventId);
                    actions++;
                }

                // An after-the-fact entry recorded twice (by its writer and by a restore, or by a re-run) is chained once.
                if (entry.AfterTheFact && !seen.Add(entry.EventId))
                {
                    continue;
                }

                toChain.Add(entry);
                actions += entry.AfterTheFact ? 2 : 1;
            }

            var chained = AuditChain.Chain(callId, head?.Value, toChain);
            head = await trail.TryAppendAsync(callId, head, chained, journaled, cancellationToken);
            if (head is null)
            {
                return null;
            }
        }

        return head;
    }

    private void LogFailed(Exception exception, string callId) => LogSealFailed(logger, exception, callId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit trail of call {CallId} sealed: sequence {Sequence}, head hash {HeadHash}")]
    private static partial void LogSealed(ILogger logger, string callId, long sequence, string headHash);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit entry {EventId} of call {CallId} could not be recorded now; sealing restores it from the call's state")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception, string eventId, string callId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sealing the audit trail of call {CallId} failed; the audit timer retries it")]
    private static partial void LogSealFailed(ILogger logger, Exception exception, string callId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit trail of call {CallId} cannot be sealed: {Reason}; verify it (tampering or loss, not contention)")]
    private static partial void LogChainBroken(ILogger logger, string callId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit trail of call {CallId} is broken at entry {Sequence}: {Reason}")]
    private static partial void LogBroken(ILogger logger, string callId, long sequence, string reason);
}
