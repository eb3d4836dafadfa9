using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HostingCalls.Core.MemberStates;

namespace HostingCalls.Rehearsal;

/// <summary>
/// Offers for a call that comes without its own: three compliant offers per meeting from states that may host it,
/// one state offering twice, an offer revised, one withdrawn, three ineligible (dates, seats, letter) and a late one.
/// </summary>
public static class OfferGenerator
{
    private static readonly string[] Languages = ["en", "fr", "es", "ar", "zh", "ru"];

    public static IReadOnlyList<PlannedOffer> For(JsonElement call)
    {
        var meetings = call.GetProperty("meetings").EnumerateArray().ToList();
        var states = MemberStateDirectory.All.ToList();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var offers = new List<PlannedOffer>();
        var cursor = 0;
        foreach (var meeting in meetings)
        {
            var region = meeting.TryGetProperty("region", out var r) ? Enum.Parse<RegionalGroup>(r.GetString()!) : (RegionalGroup?)null;
            for (var n = 0; n < 3; n++)
            {
                var state = states.Skip(cursor).Concat(states).First(s => !used.Contains(s.Code) && (region is null || s.RegionalGroup == region));
                used.Add(state.Code);
                cursor = (states.IndexOf(state) + 7) % states.Count; // spread over the regions
                offers.Add(Make(state, meeting, offers.Count, cashUsd: 10000m * (n + 1)));
            }
        }

        offers[0] = offers[0] with { ReviseCashUsd = 90000m };
        offers[^1] = offers[^1] with { Withdraw = true };

        // One state offers twice: for an Expert Group meeting (bound to no region), or again for its own meeting.
        var repeater = offers[Math.Min(3, offers.Count - 1)];
        var own = meetings.First(m => m.GetProperty("id").GetString() == repeater.MeetingId);
        var other = meetings.FirstOrDefault(m => !m.TryGetProperty("region", out _) && m.GetProperty("id").GetString() != repeater.MeetingId);
        offers.Add(Make(MemberStateDirectory.Find(repeater.MemberState)!, other.ValueKind == JsonValueKind.Object ? other : own, offers.Count, cashUsd: 5000m));
        var spare = states.Where(s => !used.Contains(s.Code)).ToList();
        var outsideWindow = Make(spare[0], meetings[0], offers.Count);
        outsideWindow.Offer["proposedDates"] = new JsonObject { ["start"] = Day(meetings[0], "windowEnd", 30), ["end"] = Day(meetings[0], "windowEnd", 32) };
        offers.Add(outsideWindow);
        var tooSmall = Make(spare[1], meetings[0], offers.Count);
        tooSmall.Offer["venue"]!["seats"] = 1;
        offers.Add(tooSmall);
        offers.Add(Make(spare[2], meetings[0], offers.Count) with { OfficialLetter = false });
        offers.Add(Make(spare[3], meetings[0], offers.Count) with { Late = true });
        return offers;
    }

    private static PlannedOffer Make(MemberState state, JsonElement meeting, int n, decimal cashUsd = 20000m)
    {
        var language = Languages[n % Languages.Length];
        var offer = new JsonObject
        {
            ["meetingId"] = meeting.GetProperty("id").GetString(),
            ["city"] = $"Capital of {state.Name}",
            ["venue"] = new JsonObject { ["name"] = "National Conference Centre", ["seats"] = meeting.GetProperty("participants").GetInt32() * 2, ["stepFreeAccess"] = n % 2 == 0, ["hybridFacilities"] = true, ["interpretationBooths"] = 3 + (n % 4) },
            ["proposedDates"] = new JsonObject { ["start"] = Day(meeting, "windowStart", 2), ["end"] = Day(meeting, "windowStart", 4) },
            ["access"] = new JsonObject { ["nearestAirport"] = "AAA", ["airportDistanceKm"] = 10 + (n * 7 % 90), ["visaFacilitation"] = n % 3 != 0 },
            ["coverage"] = new JsonObject { ["venue"] = true, ["interpretation"] = n % 2 == 0, ["catering"] = true, ["localTransport"] = n % 3 == 0, ["accommodation"] = false, ["participantTravel"] = false, ["cashUsd"] = cashUsd },
            ["hostCountryAgreement"] = true,
            ["focalPoint"] = new JsonObject { ["name"] = $"Focal point of {state.Name}", ["email"] = $"focal.point@{state.Code.ToLowerInvariant()}.example", ["language"] = language },
        };
        return new PlannedOffer(state.Code, offer, OfficialLetter: true, VenueDescription: n % 2 == 1, ReviseCashUsd: null, Withdraw: false, Late: false);
    }

    /// <summary>A day of the meeting's window, <paramref name="days"/> after its start or end, never past its end unless asked.</summary>
    private static string Day(JsonElement meeting, string edge, int days)
    {
        var start = DateOnly.Parse(meeting.GetProperty("windowStart").GetString()!, CultureInfo.InvariantCulture);
        var end = DateOnly.Parse(meeting.GetProperty("windowEnd").GetString()!, CultureInfo.InvariantCulture);
        var day = edge == "windowEnd" ? end.AddDays(days) : start.AddDays(days);
        return (edge == "windowStart" && day > end ? end : day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
