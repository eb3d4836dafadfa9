using System.Text.Json;
using System.Text.Json.Nodes;

namespace HostingCalls.Rehearsal;

/// <summary>One offer of the rehearsal and what happens to it.</summary>
/// <param name="ReviseCashUsd">When set, the offer is revised with this cash amount.</param>
/// <param name="Late">Submitted after the deadline: it must be refused.</param>
public sealed record PlannedOffer(string MemberState, JsonObject Offer, bool OfficialLetter, bool VenueDescription, decimal? ReviseCashUsd, bool Withdraw, bool Late)
{
    public string MeetingId => Offer["meetingId"]!.GetValue<string>();

    public string City => Offer["city"]!.GetValue<string>();

    public string Label => $"{MemberState} {MeetingId} ({City})";

    public static IReadOnlyList<PlannedOffer> Load(string file)
    {
        var document = JsonNode.Parse(File.ReadAllText(file)) ?? throw new InvalidDataException($"{file} is empty.");
        return [.. document["offers"]!.AsArray().Select(entry => new PlannedOffer(
            entry!["memberState"]!.GetValue<string>(),
            entry["offer"]!.AsObject(),
            entry["officialLetter"]?.GetValue<bool>() ?? true,
            entry["venueDescription"]?.GetValue<bool>() ?? false,
            entry["reviseCashUsd"]?.GetValue<decimal>(),
            entry["withdraw"]?.GetValue<bool>() ?? false,
            entry["late"]?.GetValue<bool>() ?? false))];
    }

    /// <summary>The offer as JSON text, with the cash changed if given.</summary>
    public string Json(decimal? cashUsd = null)
    {
        var copy = Offer.DeepClone().AsObject();
        if (cashUsd is { } cash)
        {
            copy["coverage"]!["cashUsd"] = cash;
        }

        return copy.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
