using System.Text.RegularExpressions;
using HostingCalls.Core.Common;

namespace HostingCalls.Core.Calls;

/// <summary>Checks a <see cref="CallInput"/> and turns it into the parts of a <see cref="Call"/> the secretariat sets.</summary>
public static partial class CallRules
{
    public const int MaxMeetings = 50;
    public const int MaxGracePeriodMinutes = 7 * 24 * 60;

    /// <summary>How far from the call's creation any of its dates may lie, so that every date derived from them
    /// (grace period, settle time, host confirmation, token lifetime) stays far inside what a date can hold.</summary>
    public const int HorizonYears = 10;
    private const decimal MaxUsd = 1_000_000_000m;

    /// <summary>Other weights or rules to rank a call under, for a what-if: the call's own fill what is left out.</summary>
    public static (CriteriaWeights Weights, AssignmentRules Rules) ApplyWhatIf(WhatIfInput input, Call call)
    {
        var errors = new FieldErrors();
        var weights = input.Weights is null ? call.Weights : Weights(errors, input.Weights);
        var rules = Rules(errors, input.Rules, call.Rules);
        errors.ThrowIfAny("what-if");
        return (weights!, rules!);
    }

    /// <summary>Returns <paramref name="template"/> with the input's fields, or throws naming every bad field.</summary>
    public static Call Apply(CallInput input, Call template)
    {
        var errors = new FieldErrors();
        var title = TextRules.Required(errors, "title", input.Title, 200);
        var organisation = TextRules.Optional(errors, "organisation", input.Organisation, 200);
        var description = TextRules.Optional(errors, "description", input.Description, 4000, multiline: true);
        var meetings = Meetings(errors, input.Meetings);

        var inside = WithinHorizon(errors, template.CreatedAt, input);
        if (input.OpensAt is null) errors.Add("opensAt", "Required.");
        if (input.Deadline is null) errors.Add("deadline", "Required.");
        if (input.ResultsDate is null) errors.Add("resultsDate", "Required.");
        if (input.OpensAt is { } opens && input.Deadline is { } deadline && opens >= deadline)
        {
            errors.Add("deadline", "Must come after opensAt.");
        }

        var grace = input.GracePeriodMinutes ?? 0;
        if (grace is < 0 or > MaxGracePeriodMinutes)
        {
            errors.Add("gracePeriodMinutes", $"Between 0 and {MaxGracePeriodMinutes} minutes.");
        }

        if (inside && grace is >= 0 and <= MaxGracePeriodMinutes
            && input.Deadline is { } last && input.ResultsDate is { } results && results <= last.AddMinutes(grace))
        {
            errors.Add("resultsDate", "Must come after the deadline and its grace period.");
        }

        if (string.IsNullOrEmpty(input.TimeZone))
        {
            errors.Add("timeZone", "Required: an IANA time zone such as Africa/Nairobi.");
        }
        else if (!CallTime.IsIanaZone(input.TimeZone))
        {
            errors.Add("timeZone", "Not an IANA time zone id (for example Africa/Nairobi, Europe/Paris).");
        }

        if (input.FundingGapUsd is { } gap && (gap < 0 || gap > MaxUsd || decimal.Round(gap, 2) != gap))
        {
            errors.Add("fundingGapUsd", "0 to 1000000000 USD, at most 2 decimals.");
        }

        if (input.HostConfirmationDays is not (null or (>= 1 and <= 90)))
        {
            errors.Add("hostConfirmationDays", "A whole number of days from 1 to 90.");
        }

        var weights = Weights(errors, input.Weights);
        var rules = Rules(errors, input.Rules, AssignmentRules.Default);
        errors.ThrowIfAny("call");

        return template with
        {
            Title = title!,
            Organisation = organisation,
            Description = description,
            Meetings = meetings,
            OpensAt = input.OpensAt!.Value.ToUniversalTime(),
            Deadline = input.Deadline!.Value.ToUniversalTime(),
            GracePeriod = TimeSpan.FromMinutes(grace),
            FundingGapUsd = input.FundingGapUsd,
            HostConfirmationDays = input.HostConfirmationDays ?? Call.DefaultHostConfirmationDays,
            ResultsDate = input.ResultsDate!.Value.ToUniversalTime(),
            TimeZone = input.TimeZone!,
            Weights = weights!,
            Rules = rules!,
        };
    }

    /// <summary>Refuses every date of the call more than <see cref="HorizonYears"/> from its creation; later rules
    /// then compute with them only when all are inside, so none of that arithmetic can overflow.</summary>
    private static bool WithinHorizon(FieldErrors errors, DateTimeOffset createdAt, CallInput input)
    {
        var inside = true;
        var (earliest, latest) = (createdAt.AddYears(-HorizonYears), createdAt.AddYears(HorizonYears));
        var message = $"Must lie within {HorizonYears} years of the call's creation ({earliest:yyyy-MM-dd} to {latest:yyyy-MM-dd}).";
        void Check(string field, DateTimeOffset? value)
        {
            if (value is { } date && (date < earliest || date > latest))
            {
                errors.Add(field, message);
                inside = false;
            }
        }

        Check("opensAt", input.OpensAt);
        Check("deadline", input.Deadline);
        Check("resultsDate", input.ResultsDate);
        foreach (var (meeting, i) in (input.Meetings ?? []).Select((m, i) => (m, i)))
        {
            Check($"meetings[{i}].windowStart", meeting?.WindowStart?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
            Check($"meetings[{i}].windowEnd", meeting?.WindowEnd?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        }

        return inside;
    }

    private static List<Meeting> Meetings(FieldErrors errors, IReadOnlyList<MeetingInput?>? inputs)
    {
        var meetings = new List<Meeting>();
        if (inputs is null || inputs.Count == 0)
        {
            errors.Add("meetings", "At least one meeting is required.");
            return meetings;
        }

        if (inputs.Count > MaxMeetings)
        {
            errors.Add("meetings", $"At most {MaxMeetings} meetings.");
            return meetings;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < inputs.Count; i++)
        {
            var field = $"meetings[{i}]";
            if (inputs[i] is not { } input)
            {
                errors.Add(field, "Required.");
                continue;
            }

            var ok = true;
            if (input.Id is null || !MeetingId().IsMatch(input.Id))
            {
                errors.Add($"{field}.id", "Required: 1 to 16 letters, digits or hyphens, starting with a letter (for example EGM-1).");
                ok = false;
            }
            else if (!seen.Add(input.Id))
            {
                errors.Add($"{field}.id", $"The meeting id {input.Id} is used twice.");
                ok = false;
            }

            if (input.Kind is null)
            {
                errors.Add($"{field}.kind", "Required: ExpertGroup or RegionalConsultation.");
                ok = false;
            }

            var title = TextRules.Required(errors, $"{field}.title", input.Title, 200);
            ok &= title is not null;
            if (input.WindowStart is null || input.WindowEnd is null)
            {
                errors.Add($"{field}.windowStart", "windowStart and windowEnd are required (yyyy-MM-dd).");
                ok = false;
            }
            else if (input.WindowStart > input.WindowEnd)
            {
                errors.Add($"{field}.windowEnd", "Must not come before windowStart.");
                ok = false;
            }

            if (input.Kind == MeetingKind.RegionalConsultation && input.Region is null)
            {
                errors.Add($"{field}.region", "A regional consultation needs its regional group.");
                ok = false;
            }
            else if (input.Kind == MeetingKind.ExpertGroup && input.Region is not null)
            {
                errors.Add($"{field}.region", "Only a regional consultation has a region.");
                ok = false;
            }

            if (input.Participants is not (>= 1 and <= 100_000))
            {
                errors.Add($"{field}.participants", "Required: the seats needed, 1 to 100000.");
                ok = false;
            }

            if (input.EstimatedCostUsd is not { } cost || cost < 0 || cost > MaxUsd || decimal.Round(cost, 2) != cost)
            {
                errors.Add($"{field}.estimatedCostUsd", "Required: 0 to 1000000000 USD, at most 2 decimals.");
                ok = false;
            }

            if (ok)
            {
                meetings.Add(new Meeting(input.Id!, input.Kind!.Value, title!, input.WindowStart!.Value, input.WindowEnd!.Value,
                    input.Region, input.Participants!.Value, input.EstimatedCostUsd!.Value));
            }
        }

        return meetings;
    }

    private static CriteriaWeights? Weights(FieldErrors errors, WeightsInput? input)
    {
        if (input is null)
        {
            return CriteriaWeights.Default;
        }

        decimal Read(string name, decimal? value)
        {
            if (value is not (>= 0m and <= 1m))
            {
                errors.Add($"weights.{name}", "Required: a number from 0 to 1.");
                return 0m;
            }

            return value.Value;
        }

        var weights = new CriteriaWeights(
            Read("costCoverage", input.CostCoverage),
            Read("venueAndLogistics", input.VenueAndLogistics),
            Read("dateFit", input.DateFit),
            Read("access", input.Access),
            Read("reviewers", input.Reviewers));
        if (weights.Sum != 1m)
        {
            errors.Add("weights", $"The five weights must add up to 1 (they add up to {weights.Sum}).");
        }

        return weights;
    }

    private static AssignmentRules? Rules(FieldErrors errors, RulesInput? input, AssignmentRules defaults)
    {
        if (input is null)
        {
            return defaults;
        }

        var penalty = input.PreferredSpreadPenalty ?? defaults.PreferredSpreadPenalty;
        if (penalty is < 0m or > 1m)
        {
            errors.Add("rules.preferredSpreadPenalty", "A number from 0 to 1.");
        }

        var reserves = input.ReservesPerMeeting ?? defaults.ReservesPerMeeting;
        if (reserves is < 0 or > AssignmentRules.MaxReserves)
        {
            errors.Add("rules.reservesPerMeeting", $"A whole number from 0 to {AssignmentRules.MaxReserves}.");
        }

        return new AssignmentRules(
            input.OneMeetingPerMemberState ?? defaults.OneMeetingPerMemberState,
            input.RegionalConsultationsInRegion ?? defaults.RegionalConsultationsInRegion,
            input.ExpertGroupRegions ?? defaults.ExpertGroupRegions,
            penalty,
            reserves);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9-]{0,15}$", RegexOptions.CultureInvariant)]
    private static partial Regex MeetingId();
}
