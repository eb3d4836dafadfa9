using HostingCalls.Core.Access;
using HostingCalls.Core.Audit;
using HostingCalls.Core.Calls;
using HostingCalls.Core.Common;
using HostingCalls.Core.Notifications;
using HostingCalls.Core.Offers;
using Microsoft.Extensions.Logging;

namespace HostingCalls.Core.Decisions;

/// <summary>
/// Releases decided calls' results at their results date: one notification per offer and a summary for the
/// secretariat, recorded in the send-once ledger and queued once; then the call is Announced. Afterwards it
/// promotes reserves for hosts who let the date to confirm by pass. Safe to run twice or on two instances.
/// </summary>
public sealed partial class ResultsService(
    ICallStore calls, IOfferStore offers, INotificationLedger ledger, NotificationOutbox outbox, DecisionService decisions, AuditService audit, TimeProvider clock,
    ILogger<ResultsService> logger)
{
    public const string ResultsSummaryKey = "results";

    /// <summary>Batches recorded and queued at once when results go out: each is a transaction and a queue message.</summary>
    private const int BatchesInFlight = 4;

    public async Task<ResultsRun> ReleaseDueAsync(CancellationToken cancellationToken)
    {
        var (announced, promoted, failed) = (new List<string>(), new List<string>(), new List<string>());
        var now = clock.GetUtcNow();
        foreach (var stored in await calls.ListAsync(CallStatus.Decided, cancellationToken))
        {
            if (stored.Value.ResultsDate <= now && await CallRuns.GuardAsync(stored.Value.Id, failed, () => ReleaseAsync(stored, cancellationToken), LogFailed))
            {
                announced.Add(stored.Value.Id);
            }
        }

        foreach (var stored in await calls.ListAsync(CallStatus.Announced, cancellationToken))
        {
            if (await CallRuns.GuardAsync(stored.Value.Id, failed, () => FollowUpAsync(stored, cancellationToken), LogFailed))
            {
                promoted.Add(stored.Value.Id);
            }
        }

        return new ResultsRun(announced, promoted, failed);
    }

    /// <summary>The call's notifications and how far each has gone, for the secretariat.</summary>
    public async Task<IReadOnlyList<NotificationView>> ListAsync(Caller caller, string callId, CancellationToken cancellationToken)
    {
        caller.EnsureSecretariat();
        var call = (await calls.FindVisibleAsync(caller, callId, cancellationToken)).Value;
        var all = await ledger.ListAsync(call.Id, cancellationToken);
        return [.. all.OrderBy(n => n.Value.RecordedAt).ThenBy(n => n.Value.Id, StringComparer.Ordinal).Select(NotificationView.Of)];
    }

    /// <summary>
    /// Sends a Failed or Unconfirmed notification again, on the secretariat's word: for an Unconfirmed one it accepts
    /// that the person may get it twice.
    /// </summary>
    public async Task<NotificationView> RedriveAsync(Caller caller, string callId, string notificationId, string? ifMatch, CancellationToken cancellationToken)
    {
        caller.EnsureSecretariat();
        var call = (await calls.FindVisibleAsync(caller, callId, cancellationToken)).Value;
        var etag = ifMatch ?? throw Rejection.PreconditionRequired("notification");
        var stored = (Notification.IsWellFormedId(notificationId) ? await ledger.FindAsync(call.Id, notificationId, cancellationToken) : null)
            ?? throw Rejection.NotFound("notification");
        if (stored.Value.Status is not (NotificationStatus.Failed or NotificationStatus.Unconfirmed))
        {
            throw Rejection.Conflict("Nothing to re-drive.", $"The notification is {stored.Value.Status}; only a Failed or Unconfirmed one is sent again.");
        }

        if (stored.ETag != etag)
        {
            throw Rejection.Stale("notification");
        }

        var recorded = stored.Value with { Status = NotificationStatus.Recorded, LastError = $"re-driven by the secretariat after: {stored.Value.LastError}" };
        var newEtag = await ledger.TryReplaceAsync(recorded, etag, AuditEntries.NotificationMoved(stored.Value, recorded, AuditActor.Of(caller), clock), cancellationToken)
            ?? throw Rejection.Stale("notification");
        await outbox.QueueAsync(new Stored<Notification>(recorded, newEtag), cancellationToken);
        return NotificationView.Of((await ledger.FindAsync(call.Id, notificationId, cancellationToken))!);
    }

    /// <summary>Records every result and the summary (again, harmlessly, after a failed run), queues them, then announces.</summary>
    private async Task<bool> ReleaseAsync(Stored<Call> stored, CancellationToken cancellationToken)
    {
        var call = stored.Value;
        var now = clock.GetUtcNow();
        var decision = call.Decision ?? throw new InvalidOperationException($"Call {call.Id} is Decided without a decision.");
        // In the order of their keys, so that each batch's rows and offers lie in one range for the sender to read.
        var results = (await offers.ListAsync(call.Id, null, cancellationToken))
            .Select(o => o.Value)
            .Where(o => o.Status != OfferStatus.Withdrawn)
            .Select(o => Notification.About(o, KindOf(decision.OutcomeOf(o.Id).Outcome), now))
            .Append(Notification.Summary(call.Id, ResultsSummaryKey, now))
            .OrderBy(n => n.Id, StringComparer.Ordinal)
            .ToList();
        await Parallel.ForEachAsync(results.Chunk(NotificationBatch.MaxSize), new ParallelOptions { MaxDegreeOfParallelism = BatchesInFlight, CancellationToken = cancellationToken },
            async (batch, token) => await outbox.RecordAndQueueAsync(batch, token));

        try
        {
            var announced = await calls.ReplaceAsync(call with { Status = CallStatus.Announced, AnnouncedAt = now, UpdatedAt = now }, stored.ETag, cancellationToken);
            await audit.RecordAndSealAsync([CallAudit.Announced(announced.Value)], call.Id, cancellationToken);
            LogAnnounced(logger, call.Id, results.Count);
            return true;
        }
        catch (Rejection rejection) when (rejection.Kind == RejectionKind.Stale)
        {
            return false; // Another run announced it; everything it queued was claimed once.
        }
    }

    /// <summary>Promotes reserves for lapsed hosts, and records any promotion notice a stopped run left out.</summary>
    private async Task<bool> FollowUpAsync(Stored<Call> stored, CancellationToken cancellationToken)
    {
        var call = stored.Value;
        for (var m = 0; m < (call.Decision?.Meetings.Count ?? 0); m++)
        {
            var meeting = call.Decision!.Meetings[m];
            if (meeting.FormerHosts.Count > 0
                && await ledger.FindAsync(call.Id, Notification.Summary(call.Id, DecisionService.PromotionKey(m, meeting), default).Id, cancellationToken) is null)
            {
                await decisions.NotifyPromotionAsync(call, m, cancellationToken);
            }
        }

        return await decisions.PromoteLapsedAsync(stored, cancellationToken);
    }

    private static NotificationKind KindOf(OfferStatus outcome) => outcome switch
    {
        OfferStatus.Selected => NotificationKind.Selected,
        OfferStatus.Reserve => NotificationKind.Reserve,
        _ => NotificationKind.NotSelected,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId} announced: {Count} notifications recorded")]
    private static partial void LogAnnounced(ILogger logger, string callId, int count);

    private void LogFailed(Exception exception, string callId) => LogFailed(logger, exception, callId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Releasing results or following up hosts of call {CallId} failed; the next run retries it")]
    private static partial void LogFailed(ILogger logger, Exception exception, string callId);
}
