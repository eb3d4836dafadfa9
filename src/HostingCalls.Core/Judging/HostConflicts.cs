using HostingCalls.Core.Calls;
using HostingCalls.Core.MemberStates;

namespace HostingCalls.Core.Judging;

/// <summary>The call's rules between hosts of different meetings, as reasons a person can read.</summary>
public static class HostConflicts
{
    /// <summary>Why <paramref name="candidate"/> cannot host meeting <paramref name="m"/> beside the other meetings' hosts; null if it can.</summary>
    public static string? Find(IReadOnlyList<Meeting> meetings, int m, MemberState candidate, IReadOnlyList<MemberState?> hosts, AssignmentRules rules)
    {
        for (var other = 0; other < meetings.Count; other++)
        {
            if (other == m || hosts[other] is not { } host)
            {
                continue;
            }

            if (rules.OneMeetingPerMemberState && host.Code == candidate.Code)
            {
                return $"{candidate.Name} is recommended to host {meetings[other].Id}, and a Member State hosts one meeting at most";
            }

            if (rules.ExpertGroupRegions == RegionSpread.Required
                && meetings[m].Kind == MeetingKind.ExpertGroup && meetings[other].Kind == MeetingKind.ExpertGroup
                && host.RegionalGroup == candidate.RegionalGroup)
            {
                return $"the {MemberStateDirectory.NameOf(candidate.RegionalGroup)} already host {meetings[other].Id}, and Expert Group meetings go to distinct regions";
            }
        }

        return null;
    }
}
