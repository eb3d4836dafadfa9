using System.Globalization;
using HostingCalls.Core.Attachments;
using HostingCalls.Core.Calls;
using HostingCalls.Core.MemberStates;

namespace HostingCalls.Core.Offers;

/// <summary>
/// The compliance gates an offer would fail today, told while they can still be mended:
/// the same conditions the judging applies after the deadline.
/// </summary>
public static class OfferWarnings
{
    public static IReadOnlyList<OfferWarning> For(Offer offer, Call call)
    {
        var warnings = new List<OfferWarning>();
        var details = offer.Details;
        if (call.FindMeeting(details.MeetingId) is not { } meeting)
        {
            return warnings;
        }

        if (details.ProposedDates.Start < meeting.WindowStart || details.ProposedDates.End > meeting.WindowEnd)
        {
            warnings.Add(new("DatesOutsideWindow", "proposedDates", Invariant(
                $"The proposed dates {details.ProposedDates.Start:yyyy-MM-dd} to {details.ProposedDates.End:yyyy-MM-dd} are outside the window of {meeting.Id}, {meeting.WindowStart:yyyy-MM-dd} to {meeting.WindowEnd:yyyy-MM-dd}.")));
        }

        if (details.Venue.Seats < meeting.Participants)
        {
            warnings.Add(new("TooFewSeats", "venue.seats", Invariant(
                $"The venue seats {details.Venue.Seats}; {meeting.Id} needs {meeting.Participants}.")));
        }

        if (meeting is { Kind: MeetingKind.RegionalConsultation, Region: { } region }
            && MemberStateDirectory.Find(offer.MemberState) is { } state && state.RegionalGroup != region)
        {
            warnings.Add(new("OutsideRegion", "meetingId",
                $"{meeting.Id} is a regional consultation for the {MemberStateDirectory.NameOf(region)}; {state.Name} is in the {MemberStateDirectory.NameOf(state.RegionalGroup)}."));
        }

        if (!offer.Attachments.Any(a => a.Kind == AttachmentKind.OfficialLetter))
        {
            warnings.Add(new("OfficialLetterMissing", "attachments",
                "No official letter of the government is attached yet; attach it (PDF, PNG or JPEG) before the deadline."));
        }

        if (!details.HostCountryAgreement)
        {
            warnings.Add(new("HostCountryAgreementMissing", "hostCountryAgreement",
                "The host country agreement is not committed to: the host covers the actual extra costs (General Assembly resolution 40/243)."));
        }

        return warnings;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
