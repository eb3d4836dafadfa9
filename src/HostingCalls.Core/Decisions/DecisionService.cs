using HostingCalls.Core.Access;
using HostingCalls.Core.Audit;
using HostingCalls.Core.Calls;
using HostingCalls.Core.Common;
using HostingCalls.Core.Judging;
using HostingCalls.Core.MemberStates;
using HostingCalls.Core.Notifications;
using HostingCalls.Core.Offers;

namespace HostingCalls.Core.Decisions;

/// <summary>The secretariat decides on a ranked call; a selected host confirms or declines, and a decline promotes a reserve.</summary>
public sealed class DecisionService(
    ICallStore calls, IRankingStore rankings, IOfferStore offers, INotificationLedger ledger, NotificationOutbox outbox, AuditService audit, TimeProvider clock)
{
    private const int Attempts = 5;

    public async Task<Stored<Call>> DecideAsync(Caller caller, string callId, DecisionInput input, string? ifMatch, CancellationToken cancellationToken)
    {
        caller.EnsureSecretariat();
        var call = (await calls.FindVisibleAsync(caller, callId, cancellationToken)).Value;
        var etag = ifMatch ?? throw Rejection.PreconditionRequired("call");
        if (call.Status != CallStatus.Ranked || call.Ranking is not { } current)
        {
            throw Rejection.Conflict("The call cannot be decided.", $"The call is {call.Status}; a decision is taken once, on a ranked call.");
        }

        if (input.RankingVersion != current.Version)
        {
            throw new Rejection(RejectionKind.Conflict, "The ranking has changed.",
                $"The current ranking is version {current.Version}; read it again and decide on it.",
                new Dictionary<string, string[]> { ["rankingVersion"] = [$"Must be the current version, {current.Version}."] });
        }

        var ranking = await rankings.FindAsync(callId, current.Version, cancellationToken)
            ?? throw new InvalidOperationException($"Ranking {current.Version} of call {callId} is missing.");
        var decision = DecisionRules.Decide(call, ranking, input.Overrides ?? [], caller.Id, clock.GetUtcNow());
        var decided = await calls.ReplaceAsync(call with { Status = CallStatus.Decided, Decision = decision, UpdatedAt = clock.GetUtcNow() }, etag, cancellationToken);
        await audit.RecordAndSealAsync([CallAudit.Decided(decided.Value)], callId, cancellationToken);
        return decided;
    }

    /// <summary>The selected host's focal point confirms or declines; a decline promotes the meeting's first reserve.</summary>
    public async Task<MeetingDecision> RespondAsync(Caller caller, string callId, string offerId, HostResponseInput input, CancellationToken cancellationToken)
    {
        var memberState = caller.EnsureMemberState();
        if (input.Confirm is not { } confirm)
        {
            throw Rejection.Invalid("confirm", "Required: true to confirm hosting the meeting, false to decline.");
        }

        for (var attempt = 1; ; attempt++)
        {
            var stored = await calls.FindVisibleAsync(caller, callId, cancellationToken);
            var call = stored.Value;
            var offer = Ids.IsWellFormed(offerId) ? await offers.FindAsync(callId, offerId, cancellationToken) : null;
            if (offer is null || offer.Value.MemberState != memberState)
            {
                throw Rejection.NotFound("offer");
            }

            if (call is not { Status: CallStatus.Announced, Decision: { } decision })
            {
                throw Rejection.Conflict("The results are not out yet.", $"The results are announced on {CallTime.Describe(call.ResultsDate, call.TimeZone)}.");
            }

            var m = decision.Meetings.ToList().FindIndex(d => d.HostOfferId == offerId);
            if (m < 0)
            {
                throw Rejection.Conflict("The offer is not a selected host.", "Only the selected host of a meeting confirms or declines.");
            }

            var meeting = decision.Meetings[m];
            var now = clock.GetUtcNow();
            if (meeting.Response != HostResponse.Awaiting)
            {
                throw Rejection.Conflict("Already answered.", $"Hosting {meeting.MeetingId} was already {meeting.Response?.ToString().ToLowerInvariant()}.");
            }

            if (now > meeting.ConfirmBy)
            {
                throw Rejection.Conflict("The date to confirm by has passed.",
                    $"Hosting {meeting.MeetingId} had to be confirmed by {CallTime.Describe(meeting.ConfirmBy!.Value, call.TimeZone)}.");
            }

            var changed = confirm
                ? decision with { Meetings = [.. decision.Meetings.Select((d, i) => i == m ? d with { Response = HostResponse.Confirmed, RespondedAt = now } : d)] }
                : DecisionRules.Promote(call, decision, m, HostResponse.Declined, now);
            try
            {
                var saved = await calls.ReplaceAsync(call with { Decision = changed, UpdatedAt = now }, stored.ETag, cancellationToken);
                await audit.RecordAndSealAsync(
                    confirm ? [CallAudit.Confirmed(saved.Value, m, AuditActor.Of(caller))] : CallAudit.Replaced(saved.Value, m, meeting.FormerHosts.Count, AuditActor.Of(caller)),
                    callId, cancellationToken);
                if (!confirm)
                {
                    await NotifyPromotionAsync(saved.Value, m, cancellationToken);
                }

                return saved.Value.Decision!.Meetings[m];
            }
            catch (Rejection rejection) when (rejection.Kind == RejectionKind.Stale && attempt < Attempts)
            {
                // The call changed meanwhile (another meeting's host answered): read it again and re-check.
            }
        }
    }

    /// <summary>Promotes the first reserve of every meeting whose host let the date to confirm by pass.</summary>
    public async Task<bool> PromoteLapsedAsync(Stored<Call> stored, CancellationToken cancellationToken)
    {
        var (call, now) = (stored.Value, clock.GetUtcNow());
        if (call.Decision is not { } decision)
        {
            return false;
        }

        var lapsed = decision.Meetings.Select((d, m) => (d, m)).Where(x => x.d.Response == HostResponse.Awaiting && now > x.d.ConfirmBy).Select(x => x.m).ToList();
        if (lapsed.Count == 0)
        {
            return false;
        }

        foreach (var m in lapsed)
        {
            decision = DecisionRules.Promote(call, decision, m, HostResponse.Lapsed, now);
        }

        try
        {
            var saved = await calls.ReplaceAsync(call with { Decision = decision, UpdatedAt = now }, stored.ETag, cancellationToken);
            await audit.RecordAndSealAsync(lapsed.SelectMany(m => CallAudit.Replaced(saved.Value, m, saved.Value.Decision!.Meetings[m].FormerHosts.Count - 1)), call.Id, cancellationToken);
            foreach (var m in lapsed)
            {
                await NotifyPromotionAsync(saved.Value, m, cancellationToken);
            }

            return true;
        }
        catch (Rejection rejection) when (rejection.Kind == RejectionKind.Stale)
        {
            return false; // Someone answered or another run promoted meanwhile; the next run looks again.
        }
    }

    /// <summary>
    /// Records and queues what a promotion tells: the former host that it no longer hosts, the request to confirm to
    /// the new host, and a note to the secretariat. The ids come from the decision, so recording them again (the
    /// timer re-checks) adds nothing.
    /// </summary>
    public async Task NotifyPromotionAsync(Call call, int m, CancellationToken cancellationToken)
    {
        var meeting = call.Decision!.Meetings[m];
        var former = meeting.FormerHosts[^1];
        var formerName = MemberStateDirectory.Find(former.MemberState)?.Name ?? former.MemberState;
        var now = clock.GetUtcNow();
        var notifications = new List<Notification>();
        if (await offers.FindAsync(call.Id, former.OfferId, cancellationToken) is { } formerOffer)
        {
            notifications.Add(Notification.About(formerOffer.Value, NotificationKind.NotSelected, now));
        }

        string note;
        if (meeting.HostOfferId is { } hostId && await offers.FindAsync(call.Id, hostId, cancellationToken) is { } host)
        {
            notifications.Add(Notification.About(host.Value, NotificationKind.HostConfirmationRequest, now));
            note = $"{formerName} {Verb(former.Response)} to host {meeting.MeetingId}; {MemberStateDirectory.Find(host.Value.MemberState)?.Name} (the first reserve) was promoted and asked to confirm.";
        }
        else
        {
            note = $"{formerName} {Verb(former.Response)} to host {meeting.MeetingId}, and no reserve can take its place: {meeting.MeetingId} has no host.";
        }

        notifications.Add(Notification.Summary(call.Id, PromotionKey(m, meeting), now, note));
        await ledger.RecordAsync(notifications, cancellationToken);
        foreach (var notification in notifications)
        {
            await outbox.TryQueueAsync(notification, cancellationToken);
        }
    }

    /// <summary>Names a promotion's summary by the meeting's place and how many hosts it has lost, so it is recorded once.</summary>
    public static string PromotionKey(int m, MeetingDecision meeting) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"promotion-{m}-{meeting.FormerHosts.Count}");

    private static string Verb(HostResponse response) => response == HostResponse.Lapsed ? "did not confirm in time" : "declined";
}
