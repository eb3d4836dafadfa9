using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace HostingCalls.Rehearsal;

/// <summary>
/// Writes the report folder: report.md and report.html (the ranking per meeting with its components and reasons,
/// the decision with reserves and confirmations, the funding view, the notifications, the audit trail and its
/// verification), ranking.csv, and every
/// email as sent under emails/ (HTML and text).
/// </summary>
public static class RehearsalReport
{
    public static void Write(string folder, RehearsalResult result)
    {
        Directory.CreateDirectory(folder);
        var emails = Path.Combine(folder, "emails");
        if (Directory.Exists(emails))
        {
            Directory.Delete(emails, recursive: true);
        }

        Directory.CreateDirectory(emails);
        File.WriteAllBytes(Path.Combine(folder, "ranking.csv"), result.Csv);
        foreach (var (email, n) in result.Emails.Select((e, n) => (e, n + 1)))
        {
            var name = $"{n:D3}-{email.NotificationId}";
            File.WriteAllText(Path.Combine(emails, name + ".html"), email.Html);
            File.WriteAllText(Path.Combine(emails, name + ".txt"), $"To: {email.To}\nCc: {email.Cc}\nSubject: {email.Subject}\n\n{email.Text}");
        }

        var markdown = Markdown(result);
        File.WriteAllText(Path.Combine(folder, "report.md"), markdown);
        File.WriteAllText(Path.Combine(folder, "report.html"), Html(result));
    }

    private static string Markdown(RehearsalResult result)
    {
        var md = new StringBuilder();
        var ranking = result.Ranking;
        md.AppendLine(Invariant($"# Rehearsal: {result.CallTitle}")).AppendLine();
        md.AppendLine(Invariant($"Ranking version {ranking.GetProperty("version").GetInt32()} ({ranking.GetProperty("reason").GetString()}), {ranking.GetProperty("offersJudged").GetInt32()} offers judged, {ranking.GetProperty("offersWithdrawn").GetInt32()} withdrawn."));
        md.AppendLine();
        foreach (var meeting in ranking.GetProperty("meetings").EnumerateArray())
        {
            md.AppendLine(Invariant($"## {meeting.GetProperty("meetingId").GetString()}: {meeting.GetProperty("title").GetString()}")).AppendLine();
            md.AppendLine(Invariant($"{meeting.GetProperty("summary").GetString()}.")).AppendLine();
            md.AppendLine("| rank | offer | score | cost | venue | dates | access | reviewers | outcome | reason |");
            md.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
            foreach (var o in meeting.GetProperty("eligible").EnumerateArray())
            {
                var c = o.GetProperty("components");
                md.AppendLine(Invariant($"| {o.GetProperty("rank").GetInt32()} | {Cell(o.GetProperty("memberStateName").GetString())}, {Cell(o.GetProperty("city").GetString())} | {Number(o.GetProperty("score"))} | {Number(c.GetProperty("costCoverage"))} | {Number(c.GetProperty("venueAndLogistics"))} | {Number(c.GetProperty("dateFit"))} | {Number(c.GetProperty("access"))} | {(c.TryGetProperty("reviewers", out var r) ? Number(r) : "–")} | {o.GetProperty("outcome").GetString()} | {Cell(o.GetProperty("reason").GetString())} |"));
            }

            foreach (var o in meeting.GetProperty("ineligible").EnumerateArray())
            {
                md.AppendLine(Invariant($"| – | {Cell(o.GetProperty("memberStateName").GetString())}, {Cell(o.GetProperty("city").GetString())} | | | | | | | Ineligible | {Cell(o.GetProperty("reason").GetString())} |"));
            }

            md.AppendLine();
        }

        md.AppendLine("## Decision and confirmations").AppendLine();
        foreach (var m in result.Decision.GetProperty("meetings").EnumerateArray())
        {
            var host = m.TryGetProperty("hostMemberState", out var h) ? h.GetString() : "no host";
            var response = m.TryGetProperty("response", out var resp) ? resp.GetString() : "";
            var former = m.GetProperty("formerHosts").EnumerateArray().Select(f => $"{f.GetProperty("memberState").GetString()} {f.GetProperty("response").GetString()!.ToLowerInvariant()}").ToList();
            var reserves = string.Join(", ", m.GetProperty("reserves").EnumerateArray().Select(x => x.GetProperty("memberState").GetString()));
            md.AppendLine(Invariant($"- **{m.GetProperty("meetingId").GetString()}**: {host} ({response}){(former.Count > 0 ? "; before: " + string.Join(", ", former) : "")}; reserves: {(reserves.Length > 0 ? reserves : "none")}"));
        }

        var funding = ranking.GetProperty("funding");
        md.AppendLine().AppendLine("## Funding view").AppendLine();
        md.AppendLine(Invariant($"The recommended hosts cover USD {Usd(funding.GetProperty("coveredUsd"))} (cash {Usd(funding.GetProperty("cashUsd"))}, in kind {Usd(funding.GetProperty("inKindUsd"))}) of a funding gap of USD {Usd(funding.GetProperty("gapUsd"))}: {Percent(funding.GetProperty("coveredShare"))}; USD {Usd(funding.GetProperty("remainingGapUsd"))} remains."));
        md.AppendLine().AppendLine("## Notifications").AppendLine();
        foreach (var group in result.Notifications.EnumerateArray().GroupBy(n => (Kind: n.GetProperty("kind").GetString(), Status: n.GetProperty("status").GetString())).OrderBy(g => g.Key.Kind, StringComparer.Ordinal))
        {
            md.AppendLine(Invariant($"- {group.Key.Kind}: {group.Count()} {group.Key.Status}"));
        }

        md.AppendLine(Invariant($"\n{result.Emails.Count} emails as sent are in `emails/`; the ranking as CSV is `ranking.csv`."));
        AuditTrail(md, result);
        return md.ToString();
    }

    /// <summary>The trail's verification, a count per action, and every entry in chain order.</summary>
    private static void AuditTrail(StringBuilder md, RehearsalResult result)
    {
        var verification = result.AuditVerification;
        md.AppendLine().AppendLine("## Audit trail").AppendLine();
        md.AppendLine(verification.GetProperty("ok").GetBoolean()
            ? Invariant($"Verified: {verification.GetProperty("count").GetInt64()} entries, each holding the SHA-256 of the one before; head hash {verification.GetProperty("headHash").GetString()}.")
            : Invariant($"BROKEN at entry {verification.GetProperty("brokenAt").GetProperty("sequence").GetInt64()}: {verification.GetProperty("brokenAt").GetProperty("reason").GetString()}"));
        md.AppendLine();
        foreach (var group in result.AuditEntries.GroupBy(e => e.GetProperty("action").GetString()!).OrderBy(g => g.Min(e => e.GetProperty("sequence").GetInt64())))
        {
            md.AppendLine(Invariant($"- {group.Key}: {group.Count()}"));
        }

        md.AppendLine().AppendLine("| # | at (UTC) | who | what | about | details |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var e in result.AuditEntries)
        {
            var actor = e.GetProperty("actor");
            var details = string.Join("; ", e.GetProperty("details").EnumerateObject().Select(d => $"{d.Name} {d.Value.GetString()}"));
            var at = e.GetProperty("at").GetDateTimeOffset().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            md.AppendLine(Invariant($"| {e.GetProperty("sequence").GetInt64()} | {at} | {Cell(actor.GetProperty("role").GetString())} {Cell(actor.GetProperty("id").GetString())} | {e.GetProperty("action").GetString()} | {Cell(e.TryGetProperty("subject", out var s) ? s.GetString() : "")} | {Cell(details)} |"));
        }
    }

    /// <summary>The same report as a page: every value encoded.</summary>
    private static string Html(RehearsalResult result)
    {
        var body = new StringBuilder();
        foreach (var line in Markdown(result).Split('\n'))
        {
            var text = line.TrimEnd('\r');
            if (text.StartsWith("|---", StringComparison.Ordinal))
            {
                continue;
            }

            body.AppendLine(text switch
            {
                _ when text.StartsWith("# ", StringComparison.Ordinal) => $"<h1>{E(text[2..])}</h1>",
                _ when text.StartsWith("## ", StringComparison.Ordinal) => $"<h2>{E(text[3..])}</h2>",
                _ when text.StartsWith('|') => "<tr>" + string.Concat(text.Trim('|').Split(" | ").Select(c => $"<td>{E(c.Trim())}</td>")) + "</tr>",
                _ when text.StartsWith("- ", StringComparison.Ordinal) => $"<p>• {E(text[2..].Replace("**", "", StringComparison.Ordinal))}</p>",
                "" => "",
                _ => $"<p>{E(text)}</p>",
            });
        }

        var html = System.Text.RegularExpressions.Regex.Replace(body.ToString(), "(?<!</tr>\n)<tr>", "<table>\n<tr>");
        html = System.Text.RegularExpressions.Regex.Replace(html, "</tr>\n(?!<tr>)", "</tr>\n</table>\n");
        return $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{{E(result.CallTitle)}}</title>
            <style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:80rem} table{border-collapse:collapse;margin:1rem 0} td{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top} tr:first-child td{font-weight:bold;background:#f3f3f3}</style>
            </head><body>
            {{html}}
            </body></html>
            """;
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Cell(string? text) => (text ?? "").Replace("|", "\\|", StringComparison.Ordinal);

    private static string Number(JsonElement value) => value.GetDecimal().ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Usd(JsonElement value) => value.GetDecimal().ToString("N0", CultureInfo.InvariantCulture);

    private static string Percent(JsonElement value) => value.GetDecimal().ToString("P1", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
