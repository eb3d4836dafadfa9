using HostingCalls.Core.Common;
using HostingCalls.Core.Offers;

namespace HostingCalls.Core.UnitTests.Offers;

public class OfferRulesTests
{
    [Fact]
    public void A_complete_offer_is_accepted_with_unset_coverage_meaning_not_covered()
    {
        var details = OfferRules.Apply(Samples.Offer(), Samples.Call(), "KEN");

        Assert.Equal("EGM-1", details.MeetingId);
        Assert.Equal(80, details.Venue.Seats);
        Assert.False(details.Coverage.Accommodation);
        Assert.Equal(25000m, details.Coverage.CashUsd);
    }

    [Fact]
    public void An_empty_offer_names_every_required_field()
    {
        var rejection = Assert.Throws<Rejection>(() => OfferRules.Apply(new OfferInput(), Samples.Call(), "KEN"));

        Assert.Equal(
            new[] { "meetingId", "city", "venue", "proposedDates", "access", "coverage", "hostCountryAgreement", "focalPoint" }.Order(),
            rejection.Errors.Keys.Order());
    }

    [Fact]
    public void Another_states_name_unknown_meetings_and_malformed_values_are_refused()
    {
        var input = Samples.Offer("EGM-9");
        input = new OfferInput
        {
            MeetingId = "EGM-9",
            MemberState = "FRA",
            City = "Nai\u0000robi",
            Venue = new VenueInput { Name = "Hall", Seats = 0 },
            ProposedDates = new DateRangeInput { Start = new DateOnly(2024, 2, 14), End = new DateOnly(2024, 2, 12) },
            Access = new AccessInput { NearestAirport = "nbo", AirportDistanceKm = 18, VisaFacilitation = true },
            Coverage = new CoverageInput { CashUsd = 10.001m },
            HostCountryAgreement = true,
            FocalPoint = new FocalPointInput { Name = "A", Email = "Someone <a@b.org>", Language = "EN" },
            PermanentMissionEmail = "not-an-email",
        };

        var rejection = Assert.Throws<Rejection>(() => OfferRules.Apply(input, Samples.Call(), "KEN"));

        Assert.Equal(
            new[] { "memberState", "meetingId", "city", "venue.seats", "proposedDates.end", "access.nearestAirport", "coverage.cashUsd", "focalPoint.email", "focalPoint.language", "permanentMissionEmail" }.Order(),
            rejection.Errors.Keys.Order());
        Assert.Contains("EGM-1, RC-1, EGM-2, RC-2, EGM-3", rejection.Errors["meetingId"][0]);
    }

    [Fact]
    public void Text_in_any_script_is_kept_and_trimmed()
    {
        var sample = Samples.Offer();
        var input = new OfferInput
        {
            MeetingId = sample.MeetingId, City = "  الرباط ", Venue = sample.Venue, ProposedDates = sample.ProposedDates, Access = sample.Access,
            Coverage = sample.Coverage, HostCountryAgreement = true,
            FocalPoint = new FocalPointInput { Name = "王 芳", Email = "wang@mfa.example.cn", Language = "zh" },
        };

        var details = OfferRules.Apply(input, Samples.Call(), "CHN");

        Assert.Equal("الرباط", details.City);
        Assert.Equal("王 芳", details.FocalPoint.Name);
    }
}
