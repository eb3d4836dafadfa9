using System.Globalization;
using HostingCalls.Core.Calls;
using HostingCalls.Core.Decisions;
using static HostingCalls.Core.Audit.AuditText;

namespace HostingCalls.Core.Audit;

/// <summary>
/// The entries of a call's own transitions. The call lives in another table than its trail, so these are written
/// right after the call's update, and their ids are fixed by the call's state: written twice, chained once. The ids
/// sort in the order of the call's life, so transitions stamped with the same instant are chained in that order. The
/// same builders read the call back (<see cref="ImpliedBy"/>), so sealing restores an entry a stopped process left out.
/// </summary>
public static class CallAudit
{
    public const string ClosingTimer = "CloseAndRankCalls";
    public const string ResultsTimer = "ReleaseResults";

    public static AuditEntry Created(Call call) =>
        Entry(call, "call-0-created", call.CreatedAt, new AuditActor("Secretariat", call.CreatedBy), AuditAction.CallCreated, null,
            new() { ["status"] = "→Draft", ["meetings"] = Number(call.Meetings.Count) });

    /// <summary>An amendment of a Draft; the only call entry not restored if its writer stops (nothing in the call counts amendments).</summary>
    public static AuditEntry Amended(Call call, AuditActor actor) =>
        Entry(call, "call-1-amended-" + Number(call.UpdatedAt.UtcTicks), call.UpdatedAt, actor, AuditAction.CallAmended, null,
            new() { ["status"] = "Draft→Draft", ["meetings"] = Number(call.Meetings.Count), ["deadline"] = Time(call.Deadline) });

    public static AuditEntry Opened(Call call) =>
        Entry(call, "call-2-opened", call.OpenedAt!.Value, new AuditActor("Secretariat", call.OpenedBy ?? "unknown"), AuditAction.CallOpened, null,
            new() { ["status"] = "Draft→Open", ["deadline"] = Time(call.Deadline) });

    public static AuditEntry Closed(Call call) =>
        Entry(call, "call-3-closed", call.ClosedAt!.Value, AuditActor.System(ClosingTimer), AuditAction.CallClosed, null,
            new() { ["status"] = "Open→Closed" });

    /// <param name="reason">Why it was ranked, when known (a restored entry does not know it).</param>
    public static AuditEntry Ranked(Call call, string? reason = null)
    {
        var ranking = call.Ranking!;
        var details = new Dictionary<string, string>
        {
            ["status"] = ranking.Version == 1 ? "Closed→Ranked" : "Ranked→Ranked",
            ["rankingVersion"] = ranking.Version == 1 ? "→1" : $"{Number(ranking.Version - 1)}→{Number(ranking.Version)}",
            ["reviewsRevision"] = Number(ranking.ReviewsRevision),
            ["offers"] = Number(ranking.OfferCount),
        };
        if (reason is not null)
        {
            details["reason"] = reason;
        }

        return Entry(call, "call-4-ranked-" + ranking.Version.ToString("D6", CultureInfo.InvariantCulture), ranking.ComputedAt, AuditActor.System(ClosingTimer), AuditAction.CallRanked, null, details);
    }

    /// <summary>The hosts chosen, by offer id and Member State; a justification is kept by its hash (the text stays in the decision).</summary>
    public static AuditEntry Decided(Call call)
    {
        var decision = call.Decision!;
        var details = new Dictionary<string, string>
        {
            ["status"] = "Ranked→Decided",
            ["rankingVersion"] = Number(decision.RankingVersion),
        };
        for (var m = 0; m < decision.Meetings.Count; m++)
        {
            var meeting = decision.Meetings[m];
            var key = $"meeting{Number(m + 1)}";
            details[key] = $"{meeting.MeetingId}: {Host(meeting.HostOfferId, meeting.HostMemberState)}";
            details[key + ".reserves"] = string.Join(", ", meeting.Reserves.Select(r => Host(r.OfferId, r.MemberState)));
            if (meeting.Justification is { } justification)
            {
                details[key + ".override"] = $"recommended {meeting.RecommendedOfferId ?? "none"}; justification sha256 {AuditChain.Sha256(justification)}";
            }
        }

        return Entry(call, "call-5-decided", decision.DecidedAt, new AuditActor("Secretariat", decision.DecidedBy), AuditAction.CallDecided, null, details);
    }

    public static AuditEntry Announced(Call call) =>
        Entry(call, "call-6-announced", call.AnnouncedAt!.Value, AuditActor.System(ResultsTimer), AuditAction.CallAnnounced, null,
            new() { ["status"] = "Decided→Announced" });

    /// <summary>Meeting <paramref name="m"/>'s host confirmed.</summary>
    public static AuditEntry Confirmed(Call call, int m, AuditActor? actor = null)
    {
        var meeting = call.Decision!.Meetings[m];
        return Entry(call, $"call-7-host-{m:D3}-{meeting.FormerHosts.Count:D3}-confirmed", meeting.RespondedAt ?? call.UpdatedAt,
            actor ?? AuditActor.MemberState(meeting.HostMemberState!), AuditAction.HostConfirmed, meeting.MeetingId,
            new() { ["host"] = Host(meeting.HostOfferId, meeting.HostMemberState), ["response"] = "Awaiting→Confirmed" });
    }

    /// <summary>
    /// The <paramref name="k"/>th host of meeting <paramref name="m"/> who declined or let the date pass, and the
    /// promotion that followed (the next host, or none).
    /// </summary>
    public static IEnumerable<AuditEntry> Replaced(Call call, int m, int k, AuditActor? actor = null)
    {
        var meeting = call.Decision!.Meetings[m];
        var former = meeting.FormerHosts[k];
        var (nextOffer, nextState) = k + 1 < meeting.FormerHosts.Count
            ? (meeting.FormerHosts[k + 1].OfferId, meeting.FormerHosts[k + 1].MemberState)
            : (meeting.HostOfferId, meeting.HostMemberState);
        var lapsed = former.Response == HostResponse.Lapsed;
        var who = lapsed ? AuditActor.System(ResultsTimer) : actor ?? AuditActor.MemberState(former.MemberState);
        yield return Entry(call, $"call-7-host-{m:D3}-{k:D3}-a-{(lapsed ? "lapsed" : "declined")}", former.At, who,
            lapsed ? AuditAction.HostLapsed : AuditAction.HostDeclined, meeting.MeetingId,
            new() { ["host"] = Host(former.OfferId, former.MemberState), ["response"] = $"Awaiting→{former.Response}" });
        yield return Entry(call, $"call-7-host-{m:D3}-{k:D3}-b-promoted", former.At, who, AuditAction.ReservePromoted, meeting.MeetingId,
            new() { ["host"] = $"{Host(former.OfferId, former.MemberState)}→{Host(nextOffer, nextState)}" });
    }

    /// <summary>Every transition the call's state shows, as its entry would have been written (marked restored).</summary>
    public static IEnumerable<AuditEntry> ImpliedBy(Call call)
    {
        var implied = new List<AuditEntry> { Created(call) };
        if (call.OpenedAt is not null)
        {
            implied.Add(Opened(call));
        }

        if (call.ClosedAt is not null)
        {
            implied.Add(Closed(call));
        }

        if (call.Ranking is not null)
        {
            implied.Add(Ranked(call));
        }

        if (call.Decision is { } decision)
        {
            implied.Add(Decided(call));
            for (var m = 0; m < decision.Meetings.Count; m++)
            {
                for (var k = 0; k < decision.Meetings[m].FormerHosts.Count; k++)
                {
                    implied.AddRange(Replaced(call, m, k));
                }

                if (decision.Meetings[m].Response == HostResponse.Confirmed)
                {
                    implied.Add(Confirmed(call, m));
                }
            }
        }

        if (call.AnnouncedAt is not null)
        {
            implied.Add(Announced(call));
        }

        return implied.Select(e => e with { Details = new Dictionary<string, string>(e.Details) { ["restored"] = "from the call's state, after its writer stopped" } });
    }

    private static AuditEntry Entry(Call call, string eventId, DateTimeOffset at, AuditActor actor, AuditAction action, string? subject, Dictionary<string, string> details) =>
        new(call.Id, eventId, at, actor, action, subject, details) { AfterTheFact = true };

    private static string Host(string? offerId, string? memberState) => offerId is null ? "none" : $"{offerId} ({memberState})";
}
