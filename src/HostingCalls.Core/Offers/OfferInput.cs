namespace HostingCalls.Core.Offers;

/// <summary>An offer as a focal point sends it; checked by <see cref="OfferRules"/>.</summary>
public sealed class OfferInput
{
    public string? MeetingId { get; init; }

    /// <summary>May be given, but only as the caller's own state.</summary>
    public string? MemberState { get; init; }

    public string? City { get; init; }
    public VenueInput? Venue { get; init; }
    public DateRangeInput? ProposedDates { get; init; }
    public AccessInput? Access { get; init; }
    public string? Security { get; init; }
    public CoverageInput? Coverage { get; init; }
    public bool? HostCountryAgreement { get; init; }
    public FocalPointInput? FocalPoint { get; init; }
    public string? PermanentMissionEmail { get; init; }
}

public sealed class VenueInput
{
    public string? Name { get; init; }
    public int? Seats { get; init; }
    public bool? StepFreeAccess { get; init; }
    public bool? HybridFacilities { get; init; }
    public int? InterpretationBooths { get; init; }
    public string? Description { get; init; }
}

public sealed class DateRangeInput
{
    public DateOnly? Start { get; init; }
    public DateOnly? End { get; init; }
}

public sealed class AccessInput
{
    public string? NearestAirport { get; init; }
    public int? AirportDistanceKm { get; init; }
    public bool? VisaFacilitation { get; init; }
    public string? VisaNotes { get; init; }
}

public sealed class CoverageInput
{
    public bool? Venue { get; init; }
    public bool? Interpretation { get; init; }
    public bool? Catering { get; init; }
    public bool? LocalTransport { get; init; }
    public bool? Accommodation { get; init; }
    public bool? ParticipantTravel { get; init; }
    public decimal? CashUsd { get; init; }
}

public sealed class FocalPointInput
{
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? Language { get; init; }
}
