using System.Globalization;
using System.Text;

namespace HostingCalls.Core.Judging;

/// <summary>
/// A ranking as CSV for a spreadsheet: one row per offer per meeting with every component. UTF-8 with a byte-order
/// mark so that Excel reads accents and Arabic right; cells a spreadsheet would take for a formula are defused.
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
        Row(csv, Columns);
        foreach (var meeting in ranking.Meetings)
        {
            foreach (var o in meeting.Eligible)
            {
                var c = o.Components;
                Row(csv, [
                    meeting.MeetingId, meeting.Title, o.OfferId, o.MemberState, o.MemberStateName, o.City, o.Outcome.ToString(),
                    Number(o.Rank), o.ReservePlace is { } place ? Number(place) : "",
                    Number(o.Score), Number(c.CostCoverage), Number(c.VenueAndLogistics), Number(c.DateFit), Number(c.Access),
                    c.Reviewers is { } reviewers ? Number(reviewers) : "", Number(o.ReviewCount),
                    Number(o.InKindUsd), Number(o.CashUsd), Date(o.ProposedDates.Start), Date(o.ProposedDates.End), Time(o.SubmittedAt), o.Reason,
                ]);
            }

            foreach (var o in meeting.Ineligible)
            {
                Row(csv, [
                    meeting.MeetingId, meeting.Title, o.OfferId, o.MemberState, o.MemberStateName, o.City, nameof(OfferOutcome.Ineligible),
                    "", "", "", "", "", "", "", "", "", "", "", Date(o.ProposedDates.Start), Date(o.ProposedDates.End), Time(o.SubmittedAt), o.Reason,
                ]);
            }
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static void Row(StringBuilder csv, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            csv.Append(Cell(cells[i]));
        }

        csv.Append("\r\n");
    }

    /// <summary>RFC 4180 quoting; a leading = + - @ or tab is prefixed with ' so no cell runs as a formula.</summary>
    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Number(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
