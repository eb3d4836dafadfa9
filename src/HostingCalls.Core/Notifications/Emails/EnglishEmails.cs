using System.Globalization;
using static HostingCalls.Core.Notifications.NotificationKind;

namespace HostingCalls.Core.Notifications.Emails;

internal sealed class EnglishEmails : EmailWording
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    public override string Language => "en";

    public override EmailLabels Labels { get; } = new()
    {
        MemberState = "Member State",
        Meeting = "Meeting",
        City = "City",
        Dates = "Dates",
        Offer = "Offer reference",
        Version = "Version",
        ReceivedAt = "Received",
        WithdrawnAt = "Withdrawn",
        Deadline = "Deadline for offers",
        ConfirmBy = "Confirm by",
        ReservePlace = "Place on the reserve list",
        Reason = "Reason",
        Note = "Note",
        Host = "Host Member State",
        EligibleOffers = "Eligible offers",
        Reserves = "Reserves",
        NoHost = "None",
        ValidUntil = "Link valid until",
        OpenPortal = "Open the portal",
    };

    public override string Closing => "Yours sincerely,";

    public override string Signature => "The Secretariat";

    public override EmailText Greeting(string recipient) => $"Dear {recipient},";

    public override string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    public override EmailBody Body(NotificationKind kind, FactView f) => kind switch
    {
        Receipt => new(
            "Offer received",
            $"Thank you for your offer to host the meeting {f.Meeting}. We confirm that it was received on {f.At}. Its details are as follows:",
            $"You may revise or withdraw this offer through the portal until the deadline, {f.Deadline}. Please quote the offer reference in any correspondence."),
        Revision => new(
            "Revised offer received",
            $"We acknowledge receipt of the revised offer to host the meeting {f.Meeting}, received on {f.At}. It is now version {f.Version} of the offer and replaces the previous version.",
            $"You may revise or withdraw this offer through the portal until the deadline, {f.Deadline}. Please quote the offer reference in any correspondence."),
        Withdrawal => new(
            "Offer withdrawn",
            $"We confirm that the offer {f.Offer} to host the meeting {f.Meeting} was withdrawn on {f.At}.",
            $"A new offer may be submitted through the portal until the deadline, {f.Deadline}."),
        Selected => new(
            "Your offer has been selected",
            $"Congratulations. We are pleased to inform you that your offer has been selected to host the meeting {f.Meeting} in {f.City} ({f.Dates}).",
            Confirm(f)),
        Reserve => new(
            "Your offer is on the reserve list",
            $"We wish to inform you that your offer to host the meeting {f.Meeting} has been placed on the reserve list, in position {f.Place}.",
            "Should the selected host not confirm, the secretariat will contact you. No action is required on your part at this stage."),
        NotSelected => new(
            "Result concerning your offer",
            $"We regret to inform you that your offer to host the meeting {f.Meeting} has not been selected.",
            "We sincerely thank you for your offer and for your interest in our work."),
        Summary => new(
            "Results of the call",
            "The results of the call have been released. They are as follows, meeting by meeting:",
            "The full ranking is available in the portal."),
        HostConfirmationRequest => new(
            "Confirmation requested: hosting of the meeting",
            $"We are pleased to inform you that your offer, which was on the reserve list, is now the selected offer to host the meeting {f.Meeting} in {f.City} ({f.Dates}), as the previously selected host declined or did not confirm in time.",
            Confirm(f)),
        Invitation => new(
            "Invitation to submit offers",
            $"The secretariat invites you, as a focal point of {f.MemberState}, to submit offers in response to this call. The link below opens the portal for your Member State; with it you can submit, revise and withdraw your State's offers until the deadline, {f.Deadline}.",
            $"The link is personal and valid until {f.ValidUntil}; please do not forward it. If you did not expect this email, or the link stops working, please contact the secretariat."),
        _ => throw Unknown(kind),
    };

    private static EmailText Confirm(FactView f) =>
        $"Please confirm or decline the hosting of this meeting through the portal by {f.Deadline}. Upon confirmation, the secretariat will send you the host country agreement.";
}
