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

    public static readonly byte[] Pdf = LocalApp.MinimalPdf;

    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
}
