using System.Text.Json;
using HostingCalls.Core.Calls;
using HostingCalls.Core.Common;
using HostingCalls.Core.Offers;
using HostingCalls.Core.Reviews;

namespace HostingCalls.Core.UnitTests.Common;

public class ApiJsonTests
{
    [Theory]
    [InlineData("""{"meetingId":"EGM-1","status":"Selected"}""")]
    [InlineData("""{"meetingId":"EGM-1","meetingId":"EGM-2"}""")]
    [InlineData("""{"venue":{"seats":"80"}}""")]
    [InlineData("""{"hostCountryAgreement":"yes"}""")]
    [InlineData("""{"proposedDates":{"start":"12/02/2024"}}""")]
    [InlineData("""{"meetingId":"EGM-1" """)]
    public void Unknown_or_duplicated_members_wrong_types_and_truncated_JSON_are_refused(string json) =>
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<OfferInput>(json, ApiJson.Options));

    [Theory]
    [InlineData("2023-10-31T23:59:59", false)]
    [InlineData("2023-10-31", false)]
    [InlineData("2023-10-31T23:59:59Z", true)]
    [InlineData("2023-10-31T23:59:59+03:00", true)]
    [InlineData("2023-10-31T23:59:59-05:00", true)]
    public void A_deadline_must_say_its_offset(string value, bool accepted)
    {
        var json = $$"""{"deadline":"{{value}}"}""";
        if (accepted)
        {
            Assert.NotNull(JsonSerializer.Deserialize<CallInput>(json, ApiJson.Options)!.Deadline);
        }
        else
        {
            Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<CallInput>(json, ApiJson.Options));
        }
    }

    [Fact]
    public void Enums_are_names_never_numbers()
    {
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<CallInput>("""{"meetings":[{"kind":1}]}""", ApiJson.Options));
        Assert.Equal("\"RegionalConsultation\"", JsonSerializer.Serialize(MeetingKind.RegionalConsultation, ApiJson.Options));
    }

    [Theory]
    [InlineData("\"Logistics, Security\"")]
    [InlineData("\"Venue,Overall\"")]
    [InlineData("\"venue\"")]
    [InlineData("\"VENUE\"")]
    [InlineData("\" Venue\"")]
    [InlineData("\"Venue \"")]
    [InlineData("\"1\"")]
    [InlineData("\"-1\"")]
    [InlineData("\"\"")]
    [InlineData("1")]
    [InlineData("true")]
    public void Enums_are_exact_names_never_other_casing_flag_combinations_or_numbers(string criterion) =>
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<ReviewInput>($$"""{"scores":[{"criterion":{{criterion}},"score":3}]}""", ApiJson.Options));

    [Fact]
    public void Every_enum_name_reads_back_as_written()
    {
        foreach (var criterion in Enum.GetValues<ReviewCriterion>())
        {
            var json = JsonSerializer.Serialize(new Dictionary<ReviewCriterion, ReviewCriterion> { [criterion] = criterion }, ApiJson.Options);
            Assert.Equal($$"""{"{{criterion}}":"{{criterion}}"}""", json);
            Assert.Equal(criterion, JsonSerializer.Deserialize<Dictionary<ReviewCriterion, ReviewCriterion>>(json, ApiJson.Options)!.Single().Value);
        }

        Assert.Equal(ReviewCriterion.Venue, JsonSerializer.Deserialize<ReviewCriterion>("\"\\u0056enue\"", ApiJson.Options)); // the same JSON string
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ReviewCriterion>($"\"{new string('V', 200)}\"", ApiJson.Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Serialize((ReviewCriterion)42, ApiJson.Options));
    }

    [Theory]
    [InlineData("1e-400")]
    [InlineData("-1e-400")]
    [InlineData("0.1e-30")]
    [InlineData("0.00000000000000000000000000001")]
    [InlineData("25000.000000000000000000000000000001")]
    [InlineData("12345678901234567890123456789012")]
    [InlineData("1e400")]
    [InlineData("1e-99999999999999999999")]
    [InlineData("\"25000\"")]
    public void Decimals_a_decimal_cannot_hold_exactly_are_refused_not_rounded(string cash) =>
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<CoverageInput>($$"""{"cashUsd":{{cash}}}""", ApiJson.Options));

    [Theory]
    [InlineData("25000", "25000")]
    [InlineData("25000.50", "25000.50")]
    [InlineData("-0", "0")]
    [InlineData("0.000", "0.000")]
    [InlineData("2.5e4", "25000")]
    [InlineData("12.5E-1", "1.25")]
    [InlineData("1000000000.00000000000000000", "1000000000.00000000000000000")]
    [InlineData("0.0000000000000000000000000001", "0.0000000000000000000000000001")]
    public void Decimals_held_exactly_are_read(string cash, string read) =>
        Assert.Equal(read, JsonSerializer.Deserialize<CoverageInput>($$"""{"cashUsd":{{cash}}}""", ApiJson.Options)!.CashUsd!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
