using System.Globalization;
using System.Text;

namespace HostingCalls.Core.Judging;

/// <summary>
/// A ranking as CSV for a spreadsheet: one row per offer per meeting with every component. UTF-8 with a byte-order
/// mark so that Excel reads accents and Arabic right; text cells are quoted and those a spreadsheet would take for a
/// formula are defused.
/// </summary>
public static class RankingCsv
{
    private static readonly string[] Columns =
    [
        "meeting_id", "meeting_title", "offer_id", "member_state", "member_state_name", "city", "outcome", "rank", "reserve_place",
        "score", "cost_coverage", "venue_and_logistics", "date_fit", "access", "reviewers", "review_count",
        "in_kind_usd", "cash_usd", "dates_start", "dates_end", "submitted_at_utc", "reason",
    ];

    public static byte[] Write(Ranking ranking)
    {
        var csv = new StringBuilder();
        Row(csv, [.. Columns.Select(Text)]);
        foreach (var meeting in ranking.Meetings)
        {
            foreach (var o in meeting.Eligible)
            {
                var c = o.Components;
                Row(csv, [
                    Text(meeting.MeetingId), Text(meeting.Title), Text(o.OfferId), Text(o.MemberState), Text(o.MemberStateName), Text(o.City),
                    Text(o.Outcome.ToString()), Number(o.Rank), o.ReservePlace is { } place ? Number(place) : "",
                    Number(o.Score), Number(c.CostCoverage), Number(c.VenueAndLogistics), Number(c.DateFit), Number(c.Access),
                    c.Reviewers is { } reviewers ? Number(reviewers) : "", Number(o.ReviewCount),
                    Number(o.InKindUsd), Number(o.CashUsd), Date(o.ProposedDates.Start), Date(o.ProposedDates.End), Time(o.SubmittedAt), Text(o.Reason),
                ]);
            }

            foreach (var o in meeting.Ineligible)
            {
                Row(csv, [
                    Text(meeting.MeetingId), Text(meeting.Title), Text(o.OfferId), Text(o.MemberState), Text(o.MemberStateName), Text(o.City),
                    Text(nameof(OfferOutcome.Ineligible)), "", "", "", "", "", "", "", "", "", "", "",
                    Date(o.ProposedDates.Start), Date(o.ProposedDates.End), Time(o.SubmittedAt), Text(o.Reason),
                ]);
            }
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static void Row(StringBuilder csv, IReadOnlyList<string> cells)
    {
        csv.AppendJoin(',', cells);
        csv.Append("\r\n");
    }

    /// <summary>
    /// Every text cell is quoted (RFC 4180), so a separator inside it, whether the comma or the ";" of a French or
    /// German spreadsheet, never starts a new cell. A cell whose first visible character would start a formula in
    /// some locale (= + - @, their fullwidth and small forms, a leading tab or CR) is prefixed with ' to stay text.
    /// </summary>
    private static string Text(string value)
    {
        if (StartsLikeFormula(value))
        {
            value = "'" + value;
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static bool StartsLikeFormula(string value)
    {
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.Value is '\t' or '\r' or '\n')
            {
                return true;
            }

            // Spreadsheets skip leading spaces and invisible characters before they look for a formula sign.
            if (Rune.IsWhiteSpace(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format)
            {
                continue;
            }

            return rune.Value is '=' or '+' or '-' or '@'
                or '\uFF1D' or '\uFF0B' or '\uFF0D' or '\uFF20' // fullwidth ＝ ＋ － ＠
                or '\uFE66' or '\uFE62' or '\uFE63' or '\uFE6B' // small ﹦ ﹢ ﹣ ﹫
                or '\u2212'; // minus sign −
        }

        return false;
    }

    private static string Number(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
