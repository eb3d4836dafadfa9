using System.Globalization;
using System.Net;
using System.Text;
using static HostingCalls.Core.Notifications.NotificationKind;

namespace HostingCalls.Core.Notifications.Emails;

/// <summary>
/// The one layout of every email in every language: header, greeting, lead, details, follow-up, closing. The HTML
/// form uses inline styles only (email clients drop style sheets), encodes every string and isolates every fact's
/// direction, so user text can neither add markup nor reorder an Arabic sentence.
/// </summary>
internal static class EmailLayout
{
    private const string Page = "max-width:640px;margin:0 auto;padding:24px;background-color:#ffffff;"
        + "font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1f2933;";
    private const string Paragraph = "margin:0 0 16px;";
    private const string Cell = "padding:6px 8px;vertical-align:top;border-bottom:1px solid #d9e2ec;";

    // First-strong isolate and pop: plain text has no <bdi>, and Arabic sentences carry Latin ids, times and names.
    private const string Isolate = "\u2068";
    private const string EndIsolate = "\u2069";

    public static Email Render(NotificationKind kind, EmailWording words, EmailFacts facts)
    {
        var f = FactView.From(facts, words);
        var body = words.Body(kind, f);
        // Only an invitation carries a link.
        f = kind == Invitation ? f : f with { Link = null };
        var rows = Rows(kind, words.Labels, f).Where(r => r.Value is not null).ToList();
        var summary = kind == Summary ? facts.Summary : [];
        var subject = Subject(kind, body.Subject, f);
        return new Email(subject, Html(words, f, body, rows, summary, subject), Text(words, f, body, rows, summary));
    }

    private static string Subject(NotificationKind kind, string phrase, FactView f) =>
        FactView.OneLine(kind is Summary or Invitation || f.MeetingId is null
            ? $"{phrase} – {f.CallShort}"
            : $"{phrase} – {f.MeetingId} – {f.CallShort}");

    /// <summary>Which details each kind shows, in order; the same in every language.</summary>
    private static IEnumerable<(string Label, string? Value)> Rows(NotificationKind kind, EmailLabels l, FactView f)
    {
        (string, string?)[] offer =
            [(l.MemberState, f.MemberState), (l.Meeting, f.Meeting), (l.City, f.City), (l.Dates, f.Dates), (l.Offer, f.Offer)];
        return kind switch
        {
            Receipt or Revision => [.. offer, (l.Version, f.Version), (l.ReceivedAt, f.At), (l.Deadline, f.Deadline)],
            Withdrawal => [.. offer, (l.Version, f.Version), (l.WithdrawnAt, f.At), (l.Deadline, f.Deadline)],
            Selected or HostConfirmationRequest => [.. offer, (l.ConfirmBy, f.Deadline)],
            Reserve => [.. offer, (l.ReservePlace, f.Place), (l.Reason, f.Reason)],
            NotSelected => [.. offer, (l.Reason, f.Reason)],
            Summary => [(l.Note, f.Note)],
            Invitation => [(l.MemberState, f.MemberState), (l.Deadline, f.Deadline), (l.ValidUntil, f.ValidUntil)],
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No email for this kind of notification."),
        };
    }

    private static string Html(EmailWording words, FactView f, EmailBody body,
        List<(string Label, string? Value)> rows, IReadOnlyList<SummaryLine> summary, string subject)
    {
        var align = words.RightToLeft ? "right" : "left";
        var l = words.Labels;
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture,
            $"<!DOCTYPE html>\n<html lang=\"{words.Language}\" dir=\"{(words.RightToLeft ? "rtl" : "ltr")}\">\n");
        html.Append("<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append($"<title>{Encode(subject)}</title>\n</head>\n");
        html.Append("<body style=\"margin:0;padding:0;background-color:#f2f4f7;\">\n");
        html.Append($"<div style=\"{Page}text-align:{align};\">\n");
        if (f.Organisation is not null)
        {
            html.Append($"<p style=\"margin:0 0 4px;font-size:13px;color:#52606d;\">{Fact(f.Organisation)}</p>\n");
        }

        html.Append($"<h1 style=\"margin:0 0 20px;font-size:20px;line-height:1.3;color:#005a9c;\">{Fact(f.Call)}</h1>\n");
        html.Append($"<p style=\"{Paragraph}\">{Html(words.Greeting(f.Recipient))}</p>\n");
        html.Append($"<p style=\"{Paragraph}\">{Html(body.Lead)}</p>\n");
        if (f.Link is { } link)
        {
            html.Append($"<p style=\"{Paragraph}\"><a href=\"{WebUtility.HtmlEncode(link)}\" style=\"display:inline-block;padding:10px 18px;background-color:#005a9c;color:#ffffff;text-decoration:none;border-radius:4px;\">{Encode(l.OpenPortal)}</a></p>\n");
            html.Append($"<p style=\"{Paragraph}font-size:12px;color:#52606d;word-break:break-all;\" dir=\"ltr\">{Encode(link)}</p>\n");
        }
        if (summary.Count > 0)
        {
            var head = $"{Cell}text-align:{align};font-weight:bold;background-color:#f2f4f7;";
            html.Append("<table cellpadding=\"0\" cellspacing=\"0\" style=\"border-collapse:collapse;width:100%;margin:0 0 16px;font-size:14px;\">\n<tr>");
            foreach (var label in new[] { l.Meeting, l.Host, l.City, l.EligibleOffers, l.Reserves })
            {
                html.Append($"<th scope=\"col\" style=\"{head}\">{Encode(label)}</th>");
            }

            html.Append("</tr>\n");
            foreach (var line in summary)
            {
                html.Append($"<tr><td style=\"{Cell}\">{Fact($"{line.MeetingId} ({line.MeetingTitle})")}</td>")
                    .Append($"<td style=\"{Cell}\">{(line.HostMemberStateName is { } host ? Fact(host) : Encode(l.NoHost))}</td>")
                    .Append($"<td style=\"{Cell}\">{Fact(line.HostCity ?? EmailText.Missing)}</td>")
                    .Append(CultureInfo.InvariantCulture, $"<td style=\"{Cell}text-align:center;\">{line.EligibleOffers}</td>")
                    .Append(CultureInfo.InvariantCulture, $"<td style=\"{Cell}text-align:center;\">{line.Reserves}</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        if (rows.Count > 0)
        {
            html.Append("<table cellpadding=\"0\" cellspacing=\"0\" style=\"border-collapse:collapse;width:100%;margin:0 0 16px;\">\n");
            foreach (var (label, value) in rows)
            {
                html.Append($"<tr><th scope=\"row\" style=\"{Cell}text-align:{align};font-weight:bold;color:#52606d;width:38%;\">{Encode(label)}</th>")
                    .Append($"<td style=\"{Cell}\">{Fact(value!)}</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        html.Append($"<p style=\"{Paragraph}\">{Html(body.Follow)}</p>\n");
        html.Append($"<p style=\"margin:24px 0 0;\">{Encode(words.Closing)}<br>{Encode(words.Signature)}");
        if (f.Organisation is not null)
        {
            html.Append($"<br>{Fact(f.Organisation)}");
        }

        html.Append("</p>\n</div>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Text(EmailWording words, FactView f, EmailBody body,
        List<(string Label, string? Value)> rows, IReadOnlyList<SummaryLine> summary)
    {
        string Fact(string value) => words.RightToLeft ? Isolate + value + EndIsolate : value;
        string Row(string label, string value) => label + words.Colon + Fact(value);
        string Words(EmailText text) => string.Concat(text.Parts.Select(p => p.IsFact ? Fact(p.Text) : p.Text));

        var l = words.Labels;
        List<string> blocks =
        [
            f.Organisation is null ? Fact(f.Call) : Fact(f.Call) + "\n" + Fact(f.Organisation),
            Words(words.Greeting(f.Recipient)),
            Words(body.Lead),
            .. f.Link is { } link ? [Row(l.OpenPortal, link)] : Array.Empty<string>(),
            .. summary.Select(line => string.Join("\n",
                "- " + Fact($"{line.MeetingId} ({line.MeetingTitle})"),
                "  " + (line.HostMemberStateName is { } host ? Row(l.Host, host) : l.Host + words.Colon + l.NoHost),
                "  " + Row(l.City, line.HostCity ?? EmailText.Missing),
                "  " + Row(l.EligibleOffers, line.EligibleOffers.ToString(CultureInfo.InvariantCulture)),
                "  " + Row(l.Reserves, line.Reserves.ToString(CultureInfo.InvariantCulture)))),
        ];
        if (rows.Count > 0)
        {
            blocks.Add(string.Join("\n", rows.Select(r => Row(r.Label, r.Value!))));
        }

        blocks.Add(Words(body.Follow));
        blocks.Add(f.Organisation is null
            ? $"{words.Closing}\n{words.Signature}"
            : $"{words.Closing}\n{words.Signature}\n{Fact(f.Organisation)}");
        return string.Join("\n\n", blocks) + "\n";
    }

    private static string Html(EmailText text) =>
        string.Concat(text.Parts.Select(p => p.IsFact ? Fact(p.Text) : Encode(p.Text)));

    /// <summary>A fact in its own direction (a Latin id in an Arabic sentence, an Arabic city in an English one).</summary>
    private static string Fact(string value) => $"<bdi>{Encode(value)}</bdi>";

    private static string Encode(string text) =>
        string.Join("<br>", text.ReplaceLineEndings("\n").Split('\n').Select(WebUtility.HtmlEncode));
}
