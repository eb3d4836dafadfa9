using HostingCalls.Core.Attachments;
using HostingCalls.Core.Offers;

namespace HostingCalls.Core.UnitTests.Offers;

public class OfferWarningsTests
{
    private static Offer OfferFrom(string memberState, OfferDetails details, params Attachment[] attachments) => new()
    {
        Id = "0190c0de00007000800000000000aaaa",
        CallId = Samples.Call().Id,
        MemberState = memberState,
        Status = OfferStatus.Submitted,
        Version = 1,
        Details = details,
        Attachments = attachments,
        SubmittedAt = DateTimeOffset.UnixEpoch,
        SubmittedBy = "fp",
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    private static readonly Attachment Letter = new("0190c0de00007000800000000000bbbb", AttachmentKind.OfficialLetter, "letter.pdf", AttachmentContent.Pdf, 10, "00", DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_compliant_offer_with_its_letter_has_no_warning()
    {
        var details = OfferRules.Apply(Samples.Offer(), Samples.Call(), "KEN");
        Assert.Empty(OfferWarnings.For(OfferFrom("KEN", details, Letter), Samples.Call()));
    }

    [Fact]
    public void What_can_still_be_mended_is_told_with_the_field_and_the_numbers()
    {
        var call = Samples.Call();
        var details = OfferRules.Apply(Samples.Offer("RC-1"), call, "FRA") with
        {
            ProposedDates = new DateRange(new DateOnly(2024, 6, 3), new DateOnly(2024, 6, 5)),
            Venue = new Venue("Palais", 20, true, true, 2, null),
            HostCountryAgreement = false,
        };

        var warnings = OfferWarnings.For(OfferFrom("FRA", details), call);

        Assert.Equal(["DatesOutsideWindow", "TooFewSeats", "OutsideRegion", "OfficialLetterMissing", "HostCountryAgreementMissing"], warnings.Select(w => w.Code));
        Assert.Contains("2024-06-03 to 2024-06-05 are outside the window of RC-1, 2024-01-01 to 2024-05-31", warnings[0].Message);
        Assert.Equal("The venue seats 20; RC-1 needs 60.", warnings[1].Message);
        Assert.Contains("African States; France is in the Western European and other States", warnings[2].Message);
        Assert.Equal("venue.seats", warnings[1].Field);
    }

    [Fact]
    public void An_expert_group_meeting_is_not_bound_to_a_region()
    {
        var details = OfferRules.Apply(Samples.Offer("EGM-2"), Samples.Call(), "FRA") with
        {
            ProposedDates = new DateRange(new DateOnly(2024, 10, 7), new DateOnly(2024, 10, 9)),
        };
        Assert.Empty(OfferWarnings.For(OfferFrom("FRA", details, Letter), Samples.Call()));
    }
}
