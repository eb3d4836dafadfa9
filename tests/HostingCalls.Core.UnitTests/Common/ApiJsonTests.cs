using System.Text.Json;
using HostingCalls.Core.Calls;
using HostingCalls.Core.Common;
using HostingCalls.Core.Offers;

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
}
