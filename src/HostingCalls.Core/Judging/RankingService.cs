using HostingCalls.Core.Access;
using HostingCalls.Core.Audit;
using HostingCalls.Core.Calls;
using HostingCalls.Core.Common;
using HostingCalls.Core.Offers;
using HostingCalls.Core.Reviews;
using Microsoft.Extensions.Logging;

namespace HostingCalls.Core.Judging;

/// <summary>
/// Closes calls at their deadline and keeps their ranking current. Every step is guarded so that running it
/// twice, late, or on two instances at once does it once: the call moves by ETag, and snapshots are create-only.
/// </summary>
public sealed partial class RankingService(
    ICallStore calls, IOfferStore offers, IReviewStore reviews, IRankingStore rankings, AuditService audit, TimeProvider clock, ILogger<RankingService> logger)
{
    /// <summary>
    /// How long after the last accepted instant a call is closed: a submission checked in time may still be
    /// committing, and it must be in the ranking.
    /// </summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromMinutes(2);

    /// <summary>
    /// For this long after closing, the timer also counts a ranked call's offers: an offer checked in time whose
    /// commit was slower than <see cref="SettleTime"/> is then ranked too, never left out.
    /// </summary>
    public static readonly TimeSpan LateOfferWatch = TimeSpan.FromMinutes(30);

    /// <summary>Closes every open call past its deadline, ranks closed ones, and re-ranks ranked ones whose reviews changed.</summary>
    public async Task<CallClosingRun> CloseAndRankDueCallsAsync(CancellationToken cancellationToken)
    {
        var (closed, ranked, failed) = (new List<string>(), new List<string>(), new List<string>());
        var now = clock.GetUtcNow();
        foreach (var stored in await calls.ListAsync(CallStatus.Open, cancellationToken))
        {
            // The due check is inside the guard too: a call whose dates cannot be computed fails alone.
            if (await CallRuns.GuardAsync(stored.Value.Id, failed,
                    async () => now >= stored.Value.LastAcceptedAt + SettleTime && await CloseAsync(stored, now, cancellationToken), LogFailed))
            {
                closed.Add(stored.Value.Id);
            }
        }

        var due = (await calls.ListAsync(CallStatus.Closed, cancellationToken)).Concat(await calls.ListAsync(CallStatus.Ranked, cancellationToken));
        foreach (var stored in due)
        {
            var reason = stored.Value.Status == CallStatus.Closed ? RankingReason.Closed : RankingReason.Reviewed;
            if (await CallRuns.GuardAsync(stored.Value.Id, failed, async () => await RankAsync(stored.Value.Id, reason, cancellationToken) is not null, LogFailed))
            {
                ranked.Add(stored.Value.Id);
            }
        }

        return new CallClosingRun(closed, ranked, failed);
    }

    /// <summary>
    /// Computes and stores a new ranking if the call's current one is missing or older than its reviews; returns
    /// it, or null when there was nothing to do (already current, or the call is past ranking).
    /// </summary>
    public async Task<Ranking?> RankAsync(string callId, RankingReason reason, CancellationToken cancellationToken)
    {
        var stored = await calls.FindAsync(callId, cancellationToken);
        if (stored?.Value is not { Status: CallStatus.Closed or CallStatus.Ranked } call)
        {
            return null;
        }

        if (call is { Status: CallStatus.Ranked, Ranking: { } current }
            && current.ReviewsRevision >= await reviews.RevisionAsync(callId, cancellationToken))
        {
            if (clock.GetUtcNow() - call.ClosedAt > LateOfferWatch || await offers.CountAsync(callId, cancellationToken) == current.OfferCount)
            {
                return null;
            }

            reason = RankingReason.LateOffer;
        }

        var reviewSet = await reviews.ListAsync(callId, null, cancellationToken);
        var all = (await offers.ListAsync(callId, null, cancellationToken)).Select(o => o.Value).ToList();
        var tallies = reviewSet.Tallies();
        var version = (call.Ranking?.Version ?? 0) + 1;
        while (true)
        {
            var ranking = Judge.Rank(call, all, tallies, call.Weights, call.Rules,
                new RankingStamp(version, clock.GetUtcNow(), reason, reviewSet.Revision));
            if (await rankings.AddAsync(ranking, cancellationToken))
            {
                await AdvanceAsync(ranking, cancellationToken);
                return ranking;
            }

            // Another instance stored this version first, or stopped before moving the call to it.
            var existing = await rankings.FindAsync(callId, version, cancellationToken)
                ?? throw new InvalidOperationException($"Ranking {version} of call {callId} exists but cannot be read.");
            if (existing.ReviewsRevision >= reviewSet.Revision)
            {
                await AdvanceAsync(existing, cancellationToken);
                return null;
            }

            version++;
        }
    }

    /// <summary>The call's current ranking, or the version asked for: always a stored snapshot, never recomputed.</summary>
    public async Task<Ranking> FindAsync(Caller caller, string callId, int? version, CancellationToken cancellationToken)
    {
        caller.EnsureSecretariat();
        var call = (await calls.FindVisibleAsync(caller, callId, cancellationToken)).Value;
        if (call.Ranking is not { } current)
        {
            throw call.OffersAreSealed
                ? Rejection.Conflict("The call is not closed.", $"The call is {call.Status}; it is ranked when it closes after its deadline.")
                : Rejection.Conflict("The call is not ranked yet.", "The call is closed and its ranking is being computed; try again in a minute.");
        }

        if (version is { } asked && (asked < 1 || asked > current.Version))
        {
            throw Rejection.NotFound($"ranking version {asked} (the latest is {current.Version})");
        }

        return await rankings.FindAsync(callId, version ?? current.Version, cancellationToken)
            ?? throw new InvalidOperationException($"Ranking {version ?? current.Version} of call {callId} is missing from storage.");
    }

    /// <summary>The ranking the call would have under other weights or rules, from the same offers and reviews; nothing is stored.</summary>
    public async Task<Ranking> WhatIfAsync(Caller caller, string callId, WhatIfInput input, CancellationToken cancellationToken)
    {
        caller.EnsureSecretariat();
        var call = (await calls.FindVisibleAsync(caller, callId, cancellationToken)).Value;
        if (call.OffersAreSealed)
        {
            throw Rejection.Conflict("The call is not closed.", "Offers are sealed until the call closes; a what-if can be computed after that.");
        }

        var (weights, rules) = CallRules.ApplyWhatIf(input, call);
        var reviewSet = await reviews.ListAsync(callId, null, cancellationToken);
        var all = (await offers.ListAsync(callId, null, cancellationToken)).Select(o => o.Value).ToList();
        return Judge.Rank(call, all, reviewSet.Tallies(), weights, rules,
            new RankingStamp(0, clock.GetUtcNow(), RankingReason.WhatIf, reviewSet.Revision));
    }

    private async Task<bool> CloseAsync(Stored<Call> stored, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var closed = await calls.ReplaceAsync(stored.Value with { Status = CallStatus.Closed, ClosedAt = now, UpdatedAt = now }, stored.ETag, cancellationToken);
            await audit.RecordAsync(CallAudit.Closed(closed.Value), cancellationToken);
            LogClosed(logger, stored.Value.Id, stored.Value.Deadline);
            return true;
        }
        catch (Rejection rejection) when (rejection.Kind == RejectionKind.Stale)
        {
            return false; // Another run closed it, or the secretariat changed it meanwhile: the next tick sees which.
        }
    }

    /// <summary>Points the call at <paramref name="ranking"/> unless it already points at it or a later one.</summary>
    private async Task AdvanceAsync(Ranking ranking, CancellationToken cancellationToken)
    {
        while (await calls.FindAsync(ranking.CallId, cancellationToken) is { } stored
            && stored.Value is { Status: CallStatus.Closed or CallStatus.Ranked } call
            && (call.Ranking?.Version ?? 0) < ranking.Version)
        {
            try
            {
                var pointer = new RankingRef(ranking.Version, ranking.ComputedAt, ranking.ReviewsRevision, ranking.OffersJudged + ranking.OffersWithdrawn);
                var saved = await calls.ReplaceAsync(call with { Status = CallStatus.Ranked, Ranking = pointer, UpdatedAt = clock.GetUtcNow() }, stored.ETag, cancellationToken);
                await audit.RecordAsync(CallAudit.Ranked(saved.Value, ranking.Reason.ToString()), cancellationToken);
                LogRanked(logger, call.Id, ranking.Version, ranking.Reason);
                return;
            }
            catch (Rejection rejection) when (rejection.Kind == RejectionKind.Stale)
            {
                // Moved meanwhile: read it again and see whether this ranking is still the newest.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId} closed; its deadline was {Deadline}")]
    private static partial void LogClosed(ILogger logger, string callId, DateTimeOffset deadline);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId} ranked: version {Version} ({Reason})")]
    private static partial void LogRanked(ILogger logger, string callId, int version, RankingReason reason);

    private void LogFailed(Exception exception, string callId) => LogFailed(logger, exception, callId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Closing or ranking call {CallId} failed; the next run retries it")]
    private static partial void LogFailed(ILogger logger, Exception exception, string callId);
}
