using System.Text;
using HostingCalls.Core.Calls;
using HostingCalls.Core.Judging;

namespace HostingCalls.Core.UnitTests.Judging;

public class RankingCsvTests
{
    private static string[] Lines(Ranking ranking)
    {
        var bytes = RankingCsv.Write(ranking);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void One_row_per_offer_with_every_component_and_text_that_cannot_run_as_a_formula()
    {
        var call = Samples.Call(CallStatus.Closed);
        var host = JudgedOffers.Make("FRA", "EGM-1", cashUsd: 30000m).WithDetails(d => d with { City = "Paris, \"Île-de-France\"" });
        var reserve = JudgedOffers.Make("KEN", "EGM-1").WithDetails(d => d with { City = "=cmd|' /C calc'!A0" });
        var ineligible = JudgedOffers.Make("EGY", "EGM-1").WithDetails(d => d with { City = "القاهرة", HostCountryAgreement = false });
        var ranking = Judge.Rank(call, [host, reserve, ineligible], new Dictionary<string, ReviewTally>(), call.Weights, call.Rules,
            new RankingStamp(1, DateTimeOffset.UnixEpoch, RankingReason.Closed, 0));

        var lines = Lines(ranking);

        Assert.True(lines.Length == 4, string.Join("\n", lines));
        Assert.Equal(22, lines[0].Split(',').Length);
        Assert.True(lines[1].StartsWith($"\"EGM-1\",\"First in-person meeting of the Expert Group\",\"{host.Id}\",\"FRA\",\"France\",\"Paris, \"\"Île-de-France\"\"\",\"Selected\",1,,0.69929,0.6,0.75,0.8929,1,,0,60000,30000,2024-02-11,2024-02-13,2023-10-02T08:00:00Z,", StringComparison.Ordinal), lines[1]);
        Assert.Contains(",\"'=cmd|' /C calc'!A0\",\"Reserve\",2,1,", lines[2]);
        Assert.Contains($"\"{ineligible.Id}\",\"EGY\",\"Egypt\",\"القاهرة\",\"Ineligible\",", lines[3]);
        Assert.EndsWith(",\"ineligible: The host country agreement is not committed to: the host covers the actual extra costs (General Assembly resolution 40/243).\"", lines[3]);
    }

    private static readonly string[] FormulaStarts = ["=", "+", "-", "@", "\t", "\r", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"];

    [Theory]
    [InlineData("Abuja;=1+1", false)]
    [InlineData("Bangkok;+1", false)]
    [InlineData("Lima,=1+1", false)]
    [InlineData("Quito\t=1+1", false)]
    [InlineData("Dakar\"; =1+1", false)]
    [InlineData("\uFF1D1+1", true)]
    [InlineData("\uFF0BSUM(A1)", true)]
    [InlineData("@SUM(A1)", true)]
    [InlineData("=HYPERLINK(\"http://x.example\")", true)]
    [InlineData("-2+3", true)]
    [InlineData("+1", true)]
    [InlineData("  =1+1", true)]
    [InlineData("\u200B=1+1", true)]
    [InlineData("\u00A0@SUM(A1)", true)]
    [InlineData("\t=1+1", true)]
    [InlineData("\r=1+1", true)]
    [InlineData("Nairobi", false)]
    public void A_text_cell_is_one_cell_under_any_list_separator_and_never_starts_a_formula(string city, bool defused)
    {
        var call = Samples.Call(CallStatus.Closed);
        var offer = JudgedOffers.Make("KEN", "EGM-1").WithDetails(d => d with { City = city });
        var ranking = Judge.Rank(call, [offer], new Dictionary<string, ReviewTally>(), call.Weights, call.Rules,
            new RankingStamp(1, DateTimeOffset.UnixEpoch, RankingReason.Closed, 0));
        var text = Encoding.UTF8.GetString(RankingCsv.Write(ranking)[3..]);
        var record = text[(text.IndexOf("\r\n", StringComparison.Ordinal) + 2)..^2]; // the one offer's row (a CR in the city stays quoted)

        // Read as a comma-separated file, the city is its own cell, as written or prefixed with ' when defused.
        var cells = Cells(record, ',');
        Assert.Equal(22, cells.Count);
        Assert.Equal(defused ? "'" + city : city, Unquoted(cells[5]));

        // Read with ";" or a tab as the list separator (French, German, Russian settings), no new cell begins
        // inside the text, and no cell of any reading starts like a formula.
        foreach (var separator in (char[])[',', ';', '\t'])
        {
            Assert.All(Cells(record, separator), cell =>
                Assert.DoesNotContain(FormulaStarts, start => Unquoted(cell).TrimStart(' ', '\u00A0', '\u200B').StartsWith(start, StringComparison.Ordinal)));
        }
    }

    /// <summary>Splits one record at every separator outside quotes, as a spreadsheet reads it.</summary>
    private static List<string> Cells(string record, char separator)
    {
        var cells = new List<string>();
        var start = 0;
        var quoted = false;
        for (var i = 0; i < record.Length; i++)
        {
            if (record[i] == '"')
            {
                quoted = !quoted;
            }
            else if (record[i] == separator && !quoted)
            {
                cells.Add(record[start..i]);
                start = i + 1;
            }
        }

        cells.Add(record[start..]);
        return cells;
    }

    private static string Unquoted(string cell) =>
        cell.Length >= 2 && cell[0] == '"' && cell[^1] == '"' ? cell[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : cell;
}
