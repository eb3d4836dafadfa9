using HostingCalls.Core.Offers;

namespace HostingCalls.Core.Decisions;

/// <summary>
/// The secretariat's decision on a ranked call: the host of each meeting and its reserves. It freezes the call:
/// later reviews do not move it; only a host declining or lapsing changes it, by promoting the first reserve.
/// </summary>
/// <param name="RankingVersion">The ranking the secretariat decided on.</param>
/// <param name="Revision">1 when decided, one more at each promotion; names the secretariat's summaries.</param>
public sealed record Decision(
    int RankingVersion,
    DateTimeOffset DecidedAt,
    string DecidedBy,
    IReadOnlyList<MeetingDecision> Meetings,
    int Revision)
{
    /// <summary>The result an offer gets: Selected, Reserve (with its place) or NotSelected.</summary>
    public (OfferStatus Outcome, MeetingDecision? Meeting, int? ReservePlace) OutcomeOf(string offerId)
    {
        foreach (var meeting in Meetings)
        {
            if (meeting.HostOfferId == offerId)
            {
                return (OfferStatus.Selected, meeting, null);
            }

            var place = meeting.Reserves.ToList().FindIndex(r => r.OfferId == offerId);
            if (place >= 0)
            {
                return (OfferStatus.Reserve, meeting, place + 1);
            }
        }

        return (OfferStatus.NotSelected, null, null);
    }
}
