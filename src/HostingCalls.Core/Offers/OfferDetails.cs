namespace HostingCalls.Core.Offers;

/// <summary>What a Member State offers for one meeting: everything the focal point fills in.</summary>
public sealed record OfferDetails(
    string MeetingId,
    string City,
    Venue Venue,
    DateRange ProposedDates,
    HostAccess Access,
    string? Security,
    HostCoverage Coverage,
    bool HostCountryAgreement,
    FocalPoint FocalPoint,
    string? PermanentMissionEmail);

/// <param name="InterpretationBooths">Booths for simultaneous interpretation at the venue.</param>
public sealed record Venue(string Name, int Seats, bool StepFreeAccess, bool HybridFacilities, int InterpretationBooths, string? Description);

public sealed record DateRange(DateOnly Start, DateOnly End);

/// <param name="NearestAirport">IATA code of the nearest international airport.</param>
public sealed record HostAccess(string NearestAirport, int AirportDistanceKm, bool VisaFacilitation, string? VisaNotes);

/// <summary>What the host pays for, and any cash contribution in USD.</summary>
public sealed record HostCoverage(
    bool Venue,
    bool Interpretation,
    bool Catering,
    bool LocalTransport,
    bool Accommodation,
    bool ParticipantTravel,
    decimal CashUsd);

/// <param name="Language">One of the six UN languages: ar, zh, en, fr, ru, es.</param>
public sealed record FocalPoint(string Name, string Email, string Language);
