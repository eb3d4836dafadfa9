using System.Text.RegularExpressions;
using HostingCalls.Core.Calls;
using HostingCalls.Core.Common;

namespace HostingCalls.Core.Offers;

/// <summary>
/// Checks an <see cref="OfferInput"/> against its call. Anything malformed is refused, naming each field;
/// what the focal point can still fix in time (dates, seats, region) is left to <see cref="OfferWarnings"/>.
/// </summary>
public static partial class OfferRules
{
    public static readonly IReadOnlySet<string> Languages = new HashSet<string>(["ar", "zh", "en", "fr", "ru", "es"], StringComparer.Ordinal);

    /// <summary>Returns the offer's details, or throws naming every bad field. Parts are built only when whole; any error throws before use.</summary>
    public static OfferDetails Apply(OfferInput input, Call call, string memberState)
    {
        var errors = new FieldErrors();
        if (input.MemberState is not null && input.MemberState != memberState)
        {
            errors.Add("memberState", $"An offer is made in the name of your own Member State ({memberState}) only.");
        }

        if (input.MeetingId is null)
        {
            errors.Add("meetingId", "Required: the id of one of the call's meetings.");
        }
        else if (call.FindMeeting(input.MeetingId) is null)
        {
            errors.Add("meetingId", $"The call has no such meeting; its meetings are {string.Join(", ", call.Meetings.Select(m => m.Id))}.");
        }

        var city = TextRules.Required(errors, "city", input.City, 100);
        var venue = VenueOf(errors, input.Venue);
        var dates = DatesOf(errors, input.ProposedDates);
        var access = AccessOf(errors, input.Access);
        var security = TextRules.Optional(errors, "security", input.Security, 2000, multiline: true);
        var coverage = CoverageOf(errors, input.Coverage);
        if (input.HostCountryAgreement is null)
        {
            errors.Add("hostCountryAgreement", "Required: true if the government commits to the host country agreement.");
        }

        var focalPoint = FocalPointOf(errors, input.FocalPoint);
        var mission = TextRules.Email(errors, "permanentMissionEmail", input.PermanentMissionEmail, required: false);
        errors.ThrowIfAny("offer");

        return new OfferDetails(input.MeetingId!, city!, venue!, dates!, access!, security, coverage!,
            input.HostCountryAgreement!.Value, focalPoint!, mission);
    }

    private static Venue? VenueOf(FieldErrors errors, VenueInput? input)
    {
        if (input is null)
        {
            errors.Add("venue", "Required.");
            return null;
        }

        var name = TextRules.Required(errors, "venue.name", input.Name, 200);
        var description = TextRules.Optional(errors, "venue.description", input.Description, 4000, multiline: true);
        var ok = name is not null;
        if (input.Seats is not (>= 1 and <= 100_000))
        {
            errors.Add("venue.seats", "Required: seats for participants, 1 to 100000.");
            ok = false;
        }

        if (input.InterpretationBooths is < 0 or > 50)
        {
            errors.Add("venue.interpretationBooths", "0 to 50.");
            ok = false;
        }

        return ok
            ? new Venue(name!, input.Seats!.Value, input.StepFreeAccess ?? false, input.HybridFacilities ?? false,
                input.InterpretationBooths ?? 0, description)
            : null;
    }

    private static DateRange? DatesOf(FieldErrors errors, DateRangeInput? input)
    {
        if (input?.Start is not { } start || input.End is not { } end)
        {
            errors.Add("proposedDates", "Required: start and end (yyyy-MM-dd).");
            return null;
        }

        if (end < start)
        {
            errors.Add("proposedDates.end", "Must not come before the start.");
            return null;
        }

        if (end.DayNumber - start.DayNumber > 30)
        {
            errors.Add("proposedDates.end", "A meeting lasts at most 31 days.");
            return null;
        }

        return new DateRange(start, end);
    }

    private static HostAccess? AccessOf(FieldErrors errors, AccessInput? input)
    {
        if (input is null)
        {
            errors.Add("access", "Required.");
            return null;
        }

        var ok = true;
        if (input.NearestAirport is null || !Iata().IsMatch(input.NearestAirport))
        {
            errors.Add("access.nearestAirport", "Required: the IATA code of the nearest international airport (3 capital letters, for example NBO).");
            ok = false;
        }

        if (input.AirportDistanceKm is not (>= 0 and <= 2000))
        {
            errors.Add("access.airportDistanceKm", "Required: 0 to 2000 km.");
            ok = false;
        }

        if (input.VisaFacilitation is null)
        {
            errors.Add("access.visaFacilitation", "Required: true if visas are facilitated for participants.");
            ok = false;
        }

        var notes = TextRules.Optional(errors, "access.visaNotes", input.VisaNotes, 2000, multiline: true);
        return ok ? new HostAccess(input.NearestAirport!, input.AirportDistanceKm!.Value, input.VisaFacilitation!.Value, notes) : null;
    }

    private static HostCoverage? CoverageOf(FieldErrors errors, CoverageInput? input)
    {
        if (input is null)
        {
            errors.Add("coverage", "Required.");
            return null;
        }

        var cash = input.CashUsd ?? 0m;
        if (cash < 0m || cash > 1_000_000_000m || decimal.Round(cash, 2) != cash)
        {
            errors.Add("coverage.cashUsd", "0 to 1000000000 USD, at most 2 decimals.");
            return null;
        }

        return new HostCoverage(input.Venue ?? false, input.Interpretation ?? false, input.Catering ?? false,
            input.LocalTransport ?? false, input.Accommodation ?? false, input.ParticipantTravel ?? false, cash);
    }

    private static FocalPoint? FocalPointOf(FieldErrors errors, FocalPointInput? input)
    {
        if (input is null)
        {
            errors.Add("focalPoint", "Required.");
            return null;
        }

        var name = TextRules.Required(errors, "focalPoint.name", input.Name, 200);
        var email = TextRules.Email(errors, "focalPoint.email", input.Email, required: true);
        var language = input.Language;
        if (language is null || !Languages.Contains(language))
        {
            errors.Add("focalPoint.language", "Required: one of ar, zh, en, fr, ru, es.");
            language = null;
        }

        return name is null || email is null || language is null ? null : new FocalPoint(name, email, language);
    }

    [GeneratedRegex("^[A-Z]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex Iata();
}
