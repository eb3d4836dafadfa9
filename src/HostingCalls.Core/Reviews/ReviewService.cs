using HostingCalls.Core.Access;
using HostingCalls.Core.Audit;
using HostingCalls.Core.Calls;
using HostingCalls.Core.Common;
using HostingCalls.Core.Judging;
using HostingCalls.Core.Offers;
using Microsoft.Extensions.Logging;

namespace HostingCalls.Core.Reviews;

/// <summary>Reviewers score closed calls' offers; each saved review re-ranks the call.</summary>
public sealed partial class ReviewService(
    ICallStore calls, IOfferStore offers, IReviewStore reviews, RankingService rankings, TimeProvider clock, ILogger<ReviewService> logger)
{
    /// <summary>Records or replaces the caller's review of an offer (If-Match to replace), then re-ranks the call.</summary>
    public async Task<ReviewView> SaveAsync(Caller caller, string callId, string offerId, ReviewInput input, string? ifMatch, CancellationToken cancellationToken)
    {
        var nationality = caller.EnsureReviewer();
        var call = (await calls.FindVisibleAsync(caller, callId, cancellationToken)).Value;
        var offer = await FindReviewableAsync(call, offerId, cancellationToken);
        if (offer.MemberState == nationality)
        {
            throw Rejection.Forbidden($"This offer is from {offer.MemberState}, your own country: another reviewer must score it.");
        }

        var scores = ReviewRules.Apply(input);
        var existing = await reviews.FindAsync(callId, offerId, caller.Id, cancellationToken);
        if (existing is not null && ifMatch is null)
        {
            throw Rejection.PreconditionRequired("review");
        }

        if (existing is null && ifMatch is not null)
        {
            throw Rejection.Stale("review");
        }

        var now = clock.GetUtcNow();
        var review = new Review(callId, offerId, caller.Id, nationality, scores, existing?.Value.RecordedAt ?? now, now);
        var saved = await reviews.SaveAsync(review, ifMatch, AuditEntries.ReviewRecorded(review, existing is not null, AuditActor.Of(caller), clock), cancellationToken);
        return ReviewView.Of(saved, await TryRankAsync(callId, cancellationToken));
    }

    /// <summary>The secretariat reads every review of an offer; a reviewer reads their own.</summary>
    public async Task<IReadOnlyList<ReviewView>> ListAsync(Caller caller, string callId, string offerId, CancellationToken cancellationToken)
    {
        caller.EnsureStaff();
        var call = (await calls.FindVisibleAsync(caller, callId, cancellationToken)).Value;
        if (call.OffersAreSealed || !Ids.IsWellFormed(offerId) || await offers.FindAsync(callId, offerId, cancellationToken) is null)
        {
            throw Rejection.NotFound("offer");
        }

        var set = await reviews.ListAsync(callId, offerId, cancellationToken);
        return [.. set.Reviews
            .Where(r => caller.IsSecretariat || r.Value.ReviewerId == caller.Id)
            .OrderBy(r => r.Value.RecordedAt)
            .Select(r => ReviewView.Of(r))];
    }

    private async Task<Offer> FindReviewableAsync(Call call, string offerId, CancellationToken cancellationToken)
    {
        if (call.OffersAreSealed)
        {
            throw Rejection.Conflict("The call is not closed.", "Offers are sealed until the call closes; they can be reviewed after that.");
        }

        if (call.Status is not (CallStatus.Closed or CallStatus.Ranked))
        {
            throw Rejection.Conflict("Reviews are closed.", $"The call is {call.Status}; reviews can change its ranking only until it is decided.");
        }

        var stored = Ids.IsWellFormed(offerId) ? await offers.FindAsync(call.Id, offerId, cancellationToken) : null;
        if (stored is null)
        {
            throw Rejection.NotFound("offer");
        }

        if (stored.Value.Status == OfferStatus.Withdrawn)
        {
            throw Rejection.Conflict("The offer was withdrawn.", "A withdrawn offer is not judged, so it is not reviewed.");
        }

        return stored.Value;
    }

    /// <summary>
    /// The review is stored whatever happens here: if re-ranking fails, the closing timer re-ranks the call at its
    /// next run, because the reviews revision is ahead of the ranking.
    /// </summary>
    private async Task<int?> TryRankAsync(string callId, CancellationToken cancellationToken)
    {
        try
        {
            var ranking = await rankings.RankAsync(callId, RankingReason.Reviewed, cancellationToken);
            return ranking?.Version ?? (await calls.FindAsync(callId, cancellationToken))?.Value.Ranking?.Version;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogRankingDeferred(logger, exception, callId);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-ranking call {CallId} after a review failed; the closing timer will do it")]
    private static partial void LogRankingDeferred(ILogger logger, Exception exception, string callId);
}
