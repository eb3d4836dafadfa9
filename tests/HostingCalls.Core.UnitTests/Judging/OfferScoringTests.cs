using HostingCalls.Core.Attachments;
using HostingCalls.Core.Calls;
using HostingCalls.Core.Judging;
using HostingCalls.Core.Offers;

namespace HostingCalls.Core.UnitTests.Judging;

public class OfferScoringTests
{
    private static readonly Meeting Egm1 = Samples.Call().FindMeeting("EGM-1")!;

    private static Offer SampleOffer() => JudgedOffers.Make("KEN", "EGM-1").WithDetails(d => d with
    {
        ProposedDates = new DateRange(new DateOnly(2024, 2, 12), new DateOnly(2024, 2, 14)),
    });

    [Fact]
    public void Every_component_can_be_redone_by_hand()
    {
        // Venue, interpretation and catering are 40% of 150,000 in kind, plus 25,000 cash: 85,000 of 150,000.
        // Step-free, hybrid, 6 booths, no venue description: 3 of 4 quarters.
        // Dates centred on 13 February, window centre 15 February, half-window 14 days: 1 - 0.5 * 2/14.
        // Visa facilitation and an airport 18 km away: full access.
        var score = OfferScoring.Score(SampleOffer(), Egm1, CriteriaWeights.Default, ReviewTally.None);

        Assert.Equal(new ScoreComponents(0.5667m, 0.75m, 0.9286m, 1m, null), score.Components);
        Assert.Equal((60000m, 25000m, 0), (score.InKindUsd, score.CashUsd, score.ReviewCount));
        // 0.35*0.5667 + 0.20*0.75 + 0.10*0.9286 + 0.15*1 + 0.20*0.5 (not yet reviewed counts as the middle)
        Assert.Equal(0.691205m, score.Total);
        Assert.Equal(691205L, score.Points);
    }

    [Fact]
    public void Reviews_replace_the_middle_score_and_cost_coverage_is_capped_at_the_estimate()
    {
        var generous = SampleOffer().WithDetails(d => d with { Coverage = d.Coverage with { CashUsd = 1_000_000m } });
        var score = OfferScoring.Score(generous, Egm1, CriteriaWeights.Default, new ReviewTally(2, 0.75m));

        Assert.Equal((1m, 0.75m, 2), (score.Components.CostCoverage, score.Components.Reviewers, score.ReviewCount));
    }

    [Fact]
    public void Venue_access_and_dates_fall_off_as_documented()
    {
        var plain = SampleOffer().WithDetails(d => d with
        {
            Venue = d.Venue with { StepFreeAccess = false, HybridFacilities = false, InterpretationBooths = 3 },
            Access = d.Access with { AirportDistanceKm = 115, VisaFacilitation = false },
            ProposedDates = new DateRange(new DateOnly(2024, 2, 29), new DateOnly(2024, 2, 29)),
        }) with
        {
            Attachments = [JudgedOffers.Letter, JudgedOffers.Letter with { Kind = AttachmentKind.VenueDescription }],
        };

        var components = OfferScoring.Score(plain, Egm1, CriteriaWeights.Default, ReviewTally.None).Components;

        Assert.Equal(0.375m, components.VenueAndLogistics); // booths 3 of 6 and the description: (0.5 + 1) / 4
        Assert.Equal(0.25m, components.Access); // (200 - 115) / 170 = 0.5 of the airport half
        Assert.Equal(0.5m, components.DateFit); // centred on the window's last day
    }

    [Fact]
    public void A_meeting_that_costs_nothing_is_fully_covered_by_anyone()
    {
        var free = Egm1 with { EstimatedCostUsd = 0m };
        Assert.Equal(1m, OfferScoring.Score(SampleOffer(), free, CriteriaWeights.Default, ReviewTally.None).Components.CostCoverage);
    }
}
