using HostingCalls.Core.Attachments;
using HostingCalls.Core.Calls;
using HostingCalls.Core.Offers;

namespace HostingCalls.Core.Judging;

/// <summary>
/// Scores an eligible offer on the call's five criteria. Every rule here is in the README ("How offers are judged"):
/// a secretariat must be able to redo any figure by hand.
/// </summary>
public static class OfferScoring
{
    /// <summary>Booths for the six UN languages.</summary>
    public const int BoothsWanted = 6;
    public const int AirportNearKm = 30;
    public const int AirportFarKm = 200;

    /// <summary>What an offer nobody has reviewed yet counts for: the middle of the 1–5 scale.</summary>
    public const decimal UnreviewedCountsAs = 0.5m;

    public static OfferScore Score(Offer offer, Meeting meeting, CriteriaWeights weights, ReviewTally reviews)
    {
        var details = offer.Details;
        var inKind = CostShares.InKindUsd(details.Coverage, meeting.EstimatedCostUsd);
        var cash = details.Coverage.CashUsd;
        var components = new ScoreComponents(
            CostCoverage: Round(meeting.EstimatedCostUsd == 0m ? 1m : Math.Min(1m, (inKind + cash) / meeting.EstimatedCostUsd)),
            VenueAndLogistics: Round(VenueAndLogistics(offer)),
            DateFit: Round(DateFit(details.ProposedDates, meeting)),
            Access: Round(Access(details.Access)),
            Reviewers: reviews.Count == 0 ? null : Round(reviews.Mean));
        var total = decimal.Round(
            weights.CostCoverage * components.CostCoverage
            + weights.VenueAndLogistics * components.VenueAndLogistics
            + weights.DateFit * components.DateFit
            + weights.Access * components.Access
            + weights.Reviewers * (components.Reviewers ?? UnreviewedCountsAs),
            6);
        return new OfferScore(components, total, (long)(total * HostAssignmentSolver.PointsPerUnit), reviews.Count, inKind, cash);
    }

    /// <summary>A quarter each: step-free access, hybrid facilities, interpretation booths (6 wanted), a venue description attached.</summary>
    private static decimal VenueAndLogistics(Offer offer)
    {
        var venue = offer.Details.Venue;
        return 0.25m * ((venue.StepFreeAccess ? 1m : 0m)
            + (venue.HybridFacilities ? 1m : 0m)
            + Math.Min(venue.InterpretationBooths, BoothsWanted) / (decimal)BoothsWanted
            + (offer.Attachments.Any(a => a.Kind == AttachmentKind.VenueDescription) ? 1m : 0m));
    }

    /// <summary>1 when the dates are centred in the window, falling to 0.5 at its edges.</summary>
    private static decimal DateFit(DateRange dates, Meeting meeting)
    {
        var halfWindow = (meeting.WindowEnd.DayNumber - meeting.WindowStart.DayNumber) / 2m;
        if (halfWindow == 0m)
        {
            return 1m;
        }

        var centre = (meeting.WindowStart.DayNumber + meeting.WindowEnd.DayNumber) / 2m;
        var middle = (dates.Start.DayNumber + dates.End.DayNumber) / 2m;
        return 1m - (0.5m * Math.Min(1m, Math.Abs(middle - centre) / halfWindow));
    }

    /// <summary>Half for visa facilitation, half for the airport: full within 30 km, nothing from 200 km.</summary>
    private static decimal Access(HostAccess access)
    {
        var airport = access.AirportDistanceKm <= AirportNearKm ? 1m
            : access.AirportDistanceKm >= AirportFarKm ? 0m
            : (AirportFarKm - access.AirportDistanceKm) / (decimal)(AirportFarKm - AirportNearKm);
        return (0.5m * (access.VisaFacilitation ? 1m : 0m)) + (0.5m * airport);
    }

    private static decimal Round(decimal value) => decimal.Round(value, 4);
}
