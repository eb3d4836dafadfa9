using System.Globalization;
using System.Text;

namespace HostingCalls.Core.Notifications.Emails;

/// <summary>
/// The facts as one language shows them: dates in its style, times in the call's zone with the offset, numbers in
/// plain digits. Null means not given: a sentence shows <see cref="EmailText.Missing"/>, the details leave the row out.
/// </summary>
internal sealed record FactView
{
    private const int SubjectTitleLength = 60;

    public required string Call { get; init; }

    /// <summary>The call title on one line and cut short, for the subject.</summary>
    public required string CallShort { get; init; }

    public string? Organisation { get; init; }
    public required string Recipient { get; init; }
    public string? MemberState { get; init; }
    public string? MeetingId { get; init; }

    /// <summary>The meeting's id and title together, e.g. "EGM-1 (Expert Group Meeting)".</summary>
    public string? Meeting { get; init; }

    public string? City { get; init; }
    public string? Dates { get; init; }
    public string? Offer { get; init; }
    public string? Version { get; init; }
    public string? At { get; init; }
    public string? Deadline { get; init; }
    public string? Place { get; init; }
    public string? Reason { get; init; }
    public string? Note { get; init; }
    public string? Link { get; init; }
    public string? ValidUntil { get; init; }

    public static FactView From(EmailFacts facts, EmailWording words) => new()
    {
        Call = facts.CallTitle,
        CallShort = Shorten(OneLine(facts.CallTitle)),
        Organisation = facts.Organisation,
        Recipient = facts.RecipientName,
        MemberState = facts.MemberStateName,
        MeetingId = facts.MeetingId,
        Meeting = (facts.MeetingId, facts.MeetingTitle) switch
        {
            ({ } id, { } title) => $"{id} ({title})",
            (var id, var title) => id ?? title,
        },
        City = facts.City,
        Dates = facts.DatesStart is { } start && facts.DatesEnd is { } end ? words.Dates(start, end)
            : (facts.DatesStart ?? facts.DatesEnd) is { } only ? words.Date(only)
            : null,
        Offer = facts.OfferId,
        Version = Number(facts.OfferVersion),
        At = facts.At is { } at ? Time(at, facts.TimeZone) : null,
        Deadline = facts.Deadline is { } deadline ? Time(deadline, facts.TimeZone) : null,
        Place = Number(facts.ReservePlace),
        Reason = facts.Reason,
        Note = facts.Note,
        Link = facts.Link,
        ValidUntil = facts.ValidUntil is { } until ? Time(until, facts.TimeZone) : null,
    };

    /// <summary>For example "2023-10-31 23:59 (Africa/Nairobi, UTC+03:00)": the same digits in every language, never ambiguous.</summary>
    public static string Time(DateTimeOffset instant, string ianaZone)
    {
        // The call's zone was checked when the call was made; should it be gone, UTC is still a true time to show.
        var known = TimeZoneInfo.TryFindSystemTimeZoneById(ianaZone, out var zone);
        var local = TimeZoneInfo.ConvertTime(instant, known ? zone! : TimeZoneInfo.Utc);
        var sign = local.Offset < TimeSpan.Zero ? "-" : "+";
        var offset = local.Offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture,
            $"{local:yyyy-MM-dd HH:mm} ({(known ? ianaZone : "UTC")}, UTC{sign}{offset})");
    }

    /// <summary>Any line break or control character becomes a space: a subject is a mail header.</summary>
    public static string OneLine(string text)
    {
        var line = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var breaks = char.IsControl(c) || c is '\u2028' or '\u2029' || char.IsWhiteSpace(c);
            if (!breaks)
            {
                line.Append(c);
            }
            else if (line.Length > 0 && line[^1] != ' ')
            {
                line.Append(' ');
            }
        }

        return line.ToString().TrimEnd();
    }

    private static string Shorten(string text)
    {
        if (text.Length <= SubjectTitleLength)
        {
            return text;
        }

        var cut = SubjectTitleLength - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut].TrimEnd() + "…";
    }

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
