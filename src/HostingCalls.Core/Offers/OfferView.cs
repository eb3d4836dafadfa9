using HostingCalls.Core.Attachments;
using HostingCalls.Core.Calls;
using HostingCalls.Core.Common;

namespace HostingCalls.Core.Offers;

/// <summary>An offer as the API shows it: the fields the focal point sent, what the server set, warnings and the ETag for the next change.</summary>
public sealed record OfferView(
    string Id,
    string CallId,
    string MemberState,
    OfferStatus Status,
    int Version,
    string MeetingId,
    string City,
    Venue Venue,
    DateRange ProposedDates,
    HostAccess Access,
    string? Security,
    HostCoverage Coverage,
    bool HostCountryAgreement,
    FocalPoint FocalPoint,
    string? PermanentMissionEmail,
    IReadOnlyList<Attachment> Attachments,
    IReadOnlyList<OfferWarning> Warnings,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? WithdrawnAt,
    [property: System.Text.Json.Serialization.JsonPropertyName("etag")] string ETag)
{
    public static OfferView Of(Stored<Offer> stored, Call call)
    {
        var (offer, details) = (stored.Value, stored.Value.Details);
        // After the deadline an offer is Closed, whatever its last change was: it is in the judging now. Once the
        // results are out, it shows its result.
        var status = !offer.IsActive || call.OffersAreSealed ? offer.Status
            : call is { Status: CallStatus.Announced, Decision: { } decision } ? decision.OutcomeOf(offer.Id).Outcome
            : OfferStatus.Closed;
        return new OfferView(offer.Id, offer.CallId, offer.MemberState, status, offer.Version, details.MeetingId, details.City,
            details.Venue, details.ProposedDates, details.Access, details.Security, details.Coverage, details.HostCountryAgreement,
            details.FocalPoint with { Email = TextRules.EmailForDisplay(details.FocalPoint.Email) },
            details.PermanentMissionEmail is { } mission ? TextRules.EmailForDisplay(mission) : null, offer.Attachments,
            offer.IsActive ? OfferWarnings.For(offer, call) : [],
            offer.SubmittedAt, offer.UpdatedAt, offer.WithdrawnAt, stored.ETag);
    }
}
