using System.Text.Json;
using HostingCalls.Core.Calls;
using HostingCalls.Core.Common;
using HostingCalls.Core.Offers;

namespace HostingCalls.IntegrationTests.Support;

/// <summary>Offers as a focal point's client would send them (plain JSON objects).</summary>
public static class SampleOffers
{
    public static Dictionary<string, object?> Kenya(string meetingId = "EGM-1") => new()
    {
        ["meetingId"] = meetingId,
        ["city"] = "Nairobi",
        ["venue"] = new Dictionary<string, object?> { ["name"] = "UN Gigiri Conference Centre", ["seats"] = 80, ["stepFreeAccess"] = true, ["hybridFacilities"] = true, ["interpretationBooths"] = 6 },
        ["proposedDates"] = new Dictionary<string, object?> { ["start"] = "2024-02-12", ["end"] = "2024-02-14" },
        ["access"] = new Dictionary<string, object?> { ["nearestAirport"] = "NBO", ["airportDistanceKm"] = 18, ["visaFacilitation"] = true },
        ["coverage"] = new Dictionary<string, object?> { ["venue"] = true, ["interpretation"] = true, ["catering"] = true, ["cashUsd"] = 25000 },
        ["hostCountryAgreement"] = true,
        ["focalPoint"] = new Dictionary<string, object?> { ["name"] = "Wanjiru Kamau", ["email"] = "focal.point@mfa.go.ke", ["language"] = "en" },
        ["permanentMissionEmail"] = "mission@kenya-un.example",
    };

    public static Dictionary<string, object?> With(this Dictionary<string, object?> offer, string field, object? value) =>
        new(offer) { [field] = value };

    /// <summary>The offer the submit function would make of <paramref name="input"/>, for tests that write to the store directly.</summary>
    public static Offer Accepted(Dictionary<string, object?> input, Call call, string memberState, DateTimeOffset at, TimeProvider clock) => new()
    {
        Id = Ids.New(clock),
        CallId = call.Id,
        MemberState = memberState,
        Status = OfferStatus.Submitted,
        Version = 1,
        Details = OfferRules.Apply(JsonSerializer.Deserialize<OfferInput>(JsonSerializer.Serialize(input), ApiJson.Options)!, call, memberState),
        SubmittedAt = at,
        SubmittedBy = $"dev-{memberState}",
        UpdatedAt = at,
    };

    public static readonly byte[] Pdf = LocalApp.MinimalPdf;

    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
}
