using HostingCalls.Core.Calls;
using HostingCalls.Core.Common;
using HostingCalls.Core.Judging;
using HostingCalls.Core.MemberStates;

namespace HostingCalls.Core.Decisions;

/// <summary>Turns a ranking and the secretariat's overrides into a decision, and promotes reserves when a host drops out.</summary>
public static class DecisionRules
{
    public const int MinJustificationLength = 20;
    public const int MaxJustificationLength = 2000;

    /// <summary>The decision on <paramref name="ranking"/>, or a rejection naming each override at fault.</summary>
    public static Decision Decide(Call call, Ranking ranking, IReadOnlyList<HostOverrideInput?> overrides, string decidedBy, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var meetings = call.Meetings;
        var hosts = ranking.Meetings.Select(m => m.HostOfferId is { } id ? m.Eligible.Single(o => o.OfferId == id) : null).ToArray();
        var justifications = new string?[meetings.Count];
        for (var i = 0; i < overrides.Count; i++)
        {
            var field = $"overrides[{i}]";
            var input = overrides[i];
            var m = meetings.ToList().FindIndex(x => x.Id == input?.MeetingId);
            if (input is null || m < 0)
            {
                errors.Add($"{field}.meetingId", "Required: the id of one of the call's meetings.");
                continue;
            }

            if (justifications[m] is not null)
            {
                errors.Add($"{field}.meetingId", $"{input.MeetingId} is overridden twice.");
                continue;
            }

            // The decision is kept with its justification: it needs MinJustificationLength characters a reader can see.
            var justification = TextRules.Required(errors, $"{field}.justification", input.Justification, MaxJustificationLength, multiline: true, minLength: MinJustificationLength);

            justifications[m] = justification ?? "";
            var chosen = ranking.Meetings[m].Eligible.FirstOrDefault(o => o.OfferId == input.OfferId);
            if (chosen is null)
            {
                errors.Add($"{field}.offerId", $"Not an eligible offer for {input.MeetingId}; choose one from its ranking.");
                continue;
            }

            hosts[m] = chosen;
        }

        var states = hosts.Select(h => h is null ? null : MemberStateDirectory.Find(h.MemberState)).ToList();
        for (var m = 0; m < meetings.Count; m++)
        {
            if (justifications[m] is not null && states[m] is { } state && HostConflicts.Find(meetings, m, state, states, call.Rules) is { } conflict)
            {
                errors.Add($"overrides[{overrides.ToList().FindIndex(o => o?.MeetingId == meetings[m].Id)}].offerId", $"This host breaks the call's rules: {conflict}.");
            }
        }

        errors.ThrowIfAny("decision");
        var hostIds = hosts.Where(h => h is not null).Select(h => h!.OfferId).ToHashSet(StringComparer.Ordinal);
        var decided = meetings.Select((meeting, m) => new MeetingDecision(
            meeting.Id,
            hosts[m]?.OfferId,
            hosts[m]?.MemberState,
            ranking.Meetings[m].HostOfferId,
            justifications[m],
            Reserves(call, m, ranking.Meetings[m].Eligible.Where(o => !hostIds.Contains(o.OfferId)).Select(o => new DecidedReserve(o.OfferId, o.MemberState)), states),
            hosts[m] is null ? null : HostResponse.Awaiting,
            hosts[m] is null ? null : call.ResultsDate.AddDays(call.HostConfirmationDays),
            [])).ToList();
        return new Decision(ranking.Version, now, decidedBy, decided, 1);
    }

    /// <summary>
    /// Replaces meeting <paramref name="m"/>'s host, who declined or lapsed, with its first reserve that the call's
    /// rules allow beside the other hosts; with none left, the meeting has no host.
    /// </summary>
    public static Decision Promote(Call call, Decision decision, int m, HostResponse why, DateTimeOffset now)
    {
        var meeting = decision.Meetings[m];
        var states = decision.Meetings.Select((d, i) => i == m || d.HostMemberState is null ? null : MemberStateDirectory.Find(d.HostMemberState)).ToList();
        var next = meeting.Reserves.Select((r, place) => (r, place))
            .FirstOrDefault(x => MemberStateDirectory.Find(x.r.MemberState) is { } state && HostConflicts.Find(call.Meetings, m, state, states, call.Rules) is null);
        var former = new FormerHost(meeting.HostOfferId!, meeting.HostMemberState!, why, now);
        var promoted = next.r is null
            ? meeting with { HostOfferId = null, HostMemberState = null, Reserves = [], Response = null, ConfirmBy = null }
            : meeting with
            {
                HostOfferId = next.r.OfferId,
                HostMemberState = next.r.MemberState,
                Reserves = [.. meeting.Reserves.Skip(next.place + 1)],
                Response = HostResponse.Awaiting,
                ConfirmBy = now.AddDays(call.HostConfirmationDays),
            };
        promoted = promoted with { FormerHosts = [.. meeting.FormerHosts, former] };
        return decision with
        {
            Meetings = [.. decision.Meetings.Select((d, i) => i == m ? promoted : d)],
            Revision = decision.Revision + 1,
        };
    }

    /// <summary>The ranked offers that could replace the host beside the other hosts, in order, as many as the call keeps.</summary>
    private static List<DecidedReserve> Reserves(Call call, int m, IEnumerable<DecidedReserve> ranked, IReadOnlyList<MemberState?> hosts) =>
        [.. ranked.Where(r => MemberStateDirectory.Find(r.MemberState) is { } state && HostConflicts.Find(call.Meetings, m, state, hosts, call.Rules) is null)
            .Take(call.Rules.ReservesPerMeeting)];
}
