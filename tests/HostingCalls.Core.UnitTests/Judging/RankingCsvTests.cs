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
        Assert.True(lines[1].StartsWith($"EGM-1,First in-person meeting of the Expert Group,{host.Id},FRA,France,\"Paris, \"\"Île-de-France\"\"\",Selected,1,,0.69929,0.6,0.75,0.8929,1,,0,60000,30000,2024-02-11,2024-02-13,2023-10-02T08:00:00Z,", StringComparison.Ordinal), lines[1]);
        Assert.Contains(",'=cmd|' /C calc'!A0,Reserve,2,1,", lines[2]);
        Assert.Contains($"{ineligible.Id},EGY,Egypt,القاهرة,Ineligible,", lines[3]);
        Assert.EndsWith(",ineligible: The host country agreement is not committed to: the host covers the actual extra costs (General Assembly resolution 40/243).", lines[3]);
    }
}
