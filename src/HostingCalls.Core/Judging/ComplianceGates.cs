using System.Globalization;
using HostingCalls.Core.Attachments;
using HostingCalls.Core.Calls;
using HostingCalls.Core.MemberStates;
using HostingCalls.Core.Offers;

namespace HostingCalls.Core.Judging;

/// <summary>
/// The pass/fail conditions an offer must meet to be judged at all. The same checks warn the focal point while
/// the call is open, so an offer is never ruled out for something it was not told about.
/// </summary>
public static class ComplianceGates
{
    public const string DatesOutsideWindow = nameof(DatesOutsideWindow);
    public const string TooFewSeats = nameof(TooFewSeats);
    public const string OutsideRegion = nameof(OutsideRegion);
    public const string OfficialLetterMissing = nameof(OfficialLetterMissing);
    public const string HostCountryAgreementMissing = nameof(HostCountryAgreementMissing);

    public static IReadOnlyList<GateFailure> Check(Offer offer, Meeting meeting, AssignmentRules rules)
    {
        var failures = new List<GateFailure>();
        var details = offer.Details;
        var dates = details.ProposedDates;
        if (dates.Start < meeting.WindowStart || dates.End > meeting.WindowEnd)
        {
            failures.Add(new(DatesOutsideWindow, "proposedDates", Invariant(
                $"The proposed dates {dates.Start:yyyy-MM-dd} to {dates.End:yyyy-MM-dd} are outside the window of {meeting.Id}, {meeting.WindowStart:yyyy-MM-dd} to {meeting.WindowEnd:yyyy-MM-dd}.")));
        }

        if (details.Venue.Seats < meeting.Participants)
        {
            failures.Add(new(TooFewSeats, "venue.seats", Invariant(
                $"The venue seats {details.Venue.Seats}; {meeting.Id} needs {meeting.Participants}.")));
        }

        if (rules.RegionalConsultationsInRegion
            && meeting is { Kind: MeetingKind.RegionalConsultation, Region: { } region }
            && MemberStateDirectory.Find(offer.MemberState) is { } state && state.RegionalGroup != region)
        {
            failures.Add(new(OutsideRegion, "meetingId",
                $"{meeting.Id} is a regional consultation for the {MemberStateDirectory.NameOf(region)}; {state.Name} is in the {MemberStateDirectory.NameOf(state.RegionalGroup)}."));
        }

        if (!offer.Attachments.Any(a => a.Kind == AttachmentKind.OfficialLetter))
        {
            failures.Add(new(OfficialLetterMissing, "attachments",
                "No official letter of the government is attached; attach it (PDF, PNG or JPEG) before the deadline."));
        }

        if (!details.HostCountryAgreement)
        {
            failures.Add(new(HostCountryAgreementMissing, "hostCountryAgreement",
                "The host country agreement is not committed to: the host covers the actual extra costs (General Assembly resolution 40/243)."));
        }

        return failures;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
