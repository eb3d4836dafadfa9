using System.Text.Json;
using HostingCalls.Core.Calls;
using HostingCalls.Core.Common;
using HostingCalls.Core.Offers;

namespace HostingCalls.Core.UnitTests;

/// <summary>The 2023 UN-Habitat call from samples/, and a valid offer for it.</summary>
internal static class Samples
{
    public static CallInput CallInput() =>
        JsonSerializer.Deserialize<CallInput>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "unhabitat-2023-call.json")), ApiJson.Options)!;

    public static Call Call(CallStatus status = CallStatus.Open)
    {
        var template = global::HostingCalls.Core.Calls.Call.NewDraft("0190c0de00007000800000000000c411", "secretariat", DateTimeOffset.Parse("2023-09-01T00:00:00Z"));
        return CallRules.Apply(CallInput(), template) with { Status = status };
    }

    public static OfferInput Offer(string meetingId = "EGM-1") => new()
    {
        MeetingId = meetingId,
        City = "Nairobi",
        Venue = new VenueInput { Name = "UN Gigiri Conference Centre", Seats = 80, StepFreeAccess = true, HybridFacilities = true, InterpretationBooths = 6 },
        ProposedDates = new DateRangeInput { Start = new DateOnly(2024, 2, 12), End = new DateOnly(2024, 2, 14) },
        Access = new AccessInput { NearestAirport = "NBO", AirportDistanceKm = 18, VisaFacilitation = true },
        Coverage = new CoverageInput { Venue = true, Interpretation = true, Catering = true, CashUsd = 25000m },
        HostCountryAgreement = true,
        FocalPoint = new FocalPointInput { Name = "Wanjiru Kamau", Email = "focal.point@mfa.go.ke", Language = "en" },
        PermanentMissionEmail = "mission@kenya-un.example",
    };
}
