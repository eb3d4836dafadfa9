using System.Text.Json;
using HostingCalls.Core.Access;
using HostingCalls.Core.Audit;
using HostingCalls.Core.Calls;
using HostingCalls.Core.Common;
using HostingCalls.Core.Invitations;
using HostingCalls.Core.Notifications;

namespace HostingCalls.Core.Offers;

/// <summary>What a Member State does with its offers while the call is open, and what others may see of them.</summary>
public sealed class OfferService(ICallStore calls, IOfferStore offers, NotificationOutbox outbox, TimeProvider clock, InvitationOptions? limits = null)
{
    private readonly InvitationOptions _limits = limits ?? new InvitationOptions();

    /// <summary>The fair-use limits of an invitation; attachments are checked against them too.</summary>
    internal InvitationOptions Limits => _limits;

    public const int MaxIdempotencyKeyLength = 200;
    private static readonly TimeSpan OpenCallMemory = TimeSpan.FromSeconds(10);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (Call Call, DateTimeOffset Until)> _openCalls = new(StringComparer.Ordinal);

    /// <summary>
    /// Submits an offer. With an Idempotency-Key, a retry returns the offer the first request made, even after the
    /// deadline (it was accepted in time); the same key with a different offer is refused.
    /// </summary>
    public async Task<SubmittedOffer> SubmitAsync(Caller caller, string callId, OfferInput input, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var memberState = caller.EnsureMemberState();
        var call = await OpenCallAsync(caller, callId, cancellationToken);
        var keyHash = idempotencyKey is null ? null : HashOfKey(idempotencyKey);
        var now = clock.GetUtcNow();
        if (keyHash is not null && !call.AcceptsOffersAt(now) && await offers.FindKeyAsync(callId, memberState, keyHash, cancellationToken) is { } known)
        {
            return await ReplayAsync(call, input, memberState, known, cancellationToken); // accepted in time; this is its retry
        }

        call.EnsureAcceptsOffersAt(now);
        var details = OfferRules.Apply(input, call, memberState);
        if (InvitationLimits.Apply(caller))
        {
            var submitted = await InvitationLimits.OffersOfAsync(offers, caller, callId, null, cancellationToken);
            if (submitted.Count >= _limits.MaxOffers && keyHash is not null && await offers.FindKeyAsync(callId, memberState, keyHash, cancellationToken) is { } earlier)
            {
                return await ReplayAsync(call, input, memberState, earlier, cancellationToken); // the retry of the last offer allowed
            }

            InvitationLimits.EnsureOffers(_limits, submitted);
        }

        var offer = new Offer
        {
            Id = Ids.New(clock),
            CallId = call.Id,
            MemberState = memberState,
            Status = OfferStatus.Submitted,
            Version = 1,
            Details = details,
            SubmittedAt = now,
            SubmittedBy = caller.Id,
            UpdatedAt = now,
        };
        var key = keyHash is null ? null : new IdempotencyKey(memberState, keyHash, HashOfRequest(details), offer.Id);
        // Recorded as already queued, so that queueing it needs no second write; if queueing fails it is given back.
        var receipt = Notification.About(offer, NotificationKind.Receipt, now) with { Status = NotificationStatus.Queued, QueuedAt = now };
        var stored = await offers.AddAsync(offer, key, receipt, AuditEntries.OfferSubmitted(offer, AuditActor.Of(caller), clock), cancellationToken);
        if (stored is null)
        {
            // The key was used before (a retry), or by a request racing this one: answer as the first did.
            var winner = await offers.FindKeyAsync(callId, memberState, keyHash!, cancellationToken)
                ?? throw new InvalidOperationException("The idempotency key was taken but cannot be read back.");
            return await ReplayAsync(call, input, memberState, winner, cancellationToken);
        }

        await outbox.TryQueueClaimedAsync(receipt, cancellationToken);
        return new SubmittedOffer(OfferView.Of(stored, call), Replayed: false);
    }

    /// <summary>
    /// The call an offer is submitted to. An Open call is kept in memory for a few seconds: nothing intake checks can
    /// change once it is open (its deadline is fixed), and it closes only after its deadline, which the clock checks.
    /// </summary>
    private async Task<Call> OpenCallAsync(Caller caller, string callId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_openCalls.TryGetValue(callId, out var cached) && cached.Until > now && cached.Call.IsVisibleTo(caller))
        {
            return cached.Call;
        }

        var call = (await calls.FindVisibleAsync(caller, callId, cancellationToken)).Value;
        if (call.Status == CallStatus.Open)
        {
            _openCalls[callId] = (call, now + OpenCallMemory);
        }

        return call;
    }

    public async Task<OfferView> FindAsync(Caller caller, string callId, string offerId, CancellationToken cancellationToken)
    {
        var call = (await calls.FindVisibleAsync(caller, callId, cancellationToken)).Value;
        return OfferView.Of(await FindVisibleAsync(caller, call, offerId, cancellationToken), call);
    }

    /// <summary>The stored offer, if the caller may see it.</summary>
    internal async Task<Offer> FindOfferAsync(Caller caller, string callId, string offerId, CancellationToken cancellationToken)
    {
        var call = (await calls.FindVisibleAsync(caller, callId, cancellationToken)).Value;
        return (await FindVisibleAsync(caller, call, offerId, cancellationToken)).Value;
    }

    /// <summary>A focal point's own offers; the secretariat's view of all of them once the call is no longer sealed.</summary>
    public async Task<IReadOnlyList<OfferView>> ListAsync(Caller caller, string callId, CancellationToken cancellationToken)
    {
        var call = (await calls.FindVisibleAsync(caller, callId, cancellationToken)).Value;
        string? memberState = null;
        if (!caller.IsStaff)
        {
            memberState = caller.EnsureMemberState();
        }
        else if (call.OffersAreSealed)
        {
            throw Rejection.Forbidden("Offers are sealed until the call closes; the secretariat sees their counts only (GET offer-counts).");
        }

        var list = await offers.ListAsync(call.Id, memberState, cancellationToken);
        return [.. list.Select(o => OfferView.Of(o, call))];
    }

    public async Task<OfferCounts> CountAsync(Caller caller, string callId, CancellationToken cancellationToken)
    {
        caller.EnsureSecretariat();
        var call = (await calls.FindVisibleAsync(caller, callId, cancellationToken)).Value;
        var all = (await offers.ListAsync(call.Id, null, cancellationToken)).Select(s => s.Value).ToList();
        var active = all.Where(o => o.Status != OfferStatus.Withdrawn).ToList();
        return new OfferCounts(
            active.Count,
            all.Count - active.Count,
            active.Select(o => o.MemberState).Distinct(StringComparer.Ordinal).Count(),
            [.. call.Meetings.Select(m => new MeetingOfferCount(m.Id, active.Count(o => o.Details.MeetingId == m.Id)))]);
    }

    public async Task<OfferView> ReviseAsync(Caller caller, string callId, string offerId, OfferInput input, string? ifMatch, CancellationToken cancellationToken)
    {
        var (call, current, etag) = await PrepareChangeAsync(caller, callId, offerId, ifMatch, cancellationToken);
        var details = OfferRules.Apply(input, call, current.MemberState);
        if (InvitationLimits.Apply(caller))
        {
            InvitationLimits.EnsureRevision(_limits, await InvitationLimits.OffersOfAsync(offers, caller, callId, current, cancellationToken));
        }

        var now = clock.GetUtcNow();
        var revised = current with { Details = details, Status = OfferStatus.Revised, Version = current.Version + 1, UpdatedAt = now };
        return OfferView.Of(await SaveChangeAsync(caller, current, revised, etag, NotificationKind.Revision, now, cancellationToken), call);
    }

    public async Task<OfferView> WithdrawAsync(Caller caller, string callId, string offerId, string? ifMatch, CancellationToken cancellationToken)
    {
        var (call, current, etag) = await PrepareChangeAsync(caller, callId, offerId, ifMatch, cancellationToken);
        var now = clock.GetUtcNow();
        var withdrawn = current with { Status = OfferStatus.Withdrawn, Version = current.Version + 1, UpdatedAt = now, WithdrawnAt = now };
        return OfferView.Of(await SaveChangeAsync(caller, current, withdrawn, etag, NotificationKind.Withdrawal, now, cancellationToken), call);
    }

    /// <summary>
    /// The checks every change of an offer shares: the caller's own offer, an If-Match ETag, the call still open and
    /// the offer not withdrawn. Attachments use it too.
    /// </summary>
    internal async Task<(Call Call, Offer Offer, string ETag)> PrepareChangeAsync(Caller caller, string callId, string offerId, string? ifMatch, CancellationToken cancellationToken)
    {
        var memberState = caller.EnsureMemberState();
        var call = (await calls.FindVisibleAsync(caller, callId, cancellationToken)).Value;
        var stored = await FindVisibleAsync(caller, call, offerId, cancellationToken);
        if (stored.Value.MemberState != memberState)
        {
            throw Rejection.NotFound("offer");
        }

        var etag = ifMatch ?? throw Rejection.PreconditionRequired("offer");
        call.EnsureAcceptsOffersAt(clock.GetUtcNow());
        if (!stored.Value.IsActive)
        {
            throw Rejection.Conflict("The offer was withdrawn.", "A withdrawn offer cannot be changed; submit a new offer instead.");
        }

        return (call, stored.Value, etag);
    }

    private async Task<Stored<Offer>> SaveChangeAsync(Caller caller, Offer current, Offer changed, string etag, NotificationKind kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var notification = Notification.About(changed, kind, now) with { Status = NotificationStatus.Queued, QueuedAt = now };
        var stored = await offers.ReplaceAsync(changed, etag, notification, AuditEntries.OfferChanged(current, changed, AuditActor.Of(caller), clock), cancellationToken);
        await outbox.TryQueueClaimedAsync(notification, cancellationToken);
        return stored;
    }

    private async Task<SubmittedOffer> ReplayAsync(Call call, OfferInput input, string memberState, IdempotencyKey known, CancellationToken cancellationToken)
    {
        // The same key must mean the same offer; an input that no longer validates cannot be it either.
        var sameRequest = false;
        try
        {
            sameRequest = HashOfRequest(OfferRules.Apply(input, call, memberState)) == known.RequestHash;
        }
        catch (Rejection)
        {
        }

        if (!sameRequest)
        {
            throw new Rejection(RejectionKind.KeyReused, "Idempotency-Key already used.",
                "This Idempotency-Key was used for a different offer. Use a new key for a new offer.",
                new Dictionary<string, string[]> { ["Idempotency-Key"] = ["Already used for a different offer."] });
        }

        var stored = await offers.FindAsync(call.Id, known.OfferId, cancellationToken)
            ?? throw new InvalidOperationException($"Idempotency key points to offer {known.OfferId}, which is missing.");
        return new SubmittedOffer(OfferView.Of(stored, call), Replayed: true);
    }

    /// <summary>Anyone who may not see an offer is told it does not exist: sealed offers are not even confirmed.</summary>
    private async Task<Stored<Offer>> FindVisibleAsync(Caller caller, Call call, string offerId, CancellationToken cancellationToken)
    {
        if (caller.Role == CallerRole.Anonymous)
        {
            throw Rejection.Unauthenticated();
        }

        var stored = Ids.IsWellFormed(offerId) ? await offers.FindAsync(call.Id, offerId, cancellationToken) : null;
        if (stored is null || !stored.Value.IsVisibleTo(caller, call))
        {
            throw Rejection.NotFound("offer");
        }

        return stored;
    }

    private static string HashOfKey(string key)
    {
        if (key.Length is 0 or > MaxIdempotencyKeyLength || key.Any(c => c is < '!' or > '~'))
        {
            throw Rejection.Invalid("Idempotency-Key", $"1 to {MaxIdempotencyKeyLength} printable ASCII characters without spaces (a UUID is ideal).");
        }

        return Ids.Hash(key);
    }

    private static string HashOfRequest(OfferDetails details) => Ids.Hash(JsonSerializer.Serialize(details));
}
