using System.Text;
using HostingCalls.Core.Notifications.Delivery;

namespace HostingCalls.Core.UnitTests.Notifications.Delivery;

public class DeliveryEventsTests
{
    // Shaped like SendGrid's documented examples, with our custom args flattened in as SendGrid does.
    private const string Sample = """
        [
          {
            "email": "host@example.org",
            "timestamp": 1696154400,
            "smtp-id": "<14c5d75ce93.dfd.64b469@ismtpd-555>",
            "event": "processed",
            "category": ["notification"],
            "sg_event_id": "rbtnWrG1DVDGGGFHFyun0A==",
            "sg_message_id": "14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0",
            "callId": "call-1",
            "notificationId": "offer-1-receipt-1"
          },
          {
            "email": "host@example.org",
            "timestamp": 1696154405,
            "smtp-id": "<14c5d75ce93.dfd.64b469@ismtpd-555>",
            "event": "delivered",
            "ip": "168.1.1.1",
            "response": "250 OK",
            "tls": 1,
            "sg_event_id": "rWVYmVk90MjZJ9iohOBa3w==",
            "sg_message_id": "14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0",
            "callId": "call-1",
            "notificationId": "offer-1-receipt-1"
          },
          {
            "email": "other@example.org",
            "timestamp": 1696154410,
            "smtp-id": "<14c5d75ce94.dfd.64b469@ismtpd-555>",
            "event": "bounce",
            "bounce_classification": "Reputation",
            "reason": "550 5.7.1 Service unavailable; client host blocked",
            "status": "5.7.1",
            "type": "blocked",
            "sg_event_id": "6g4ZI7SA-xmRDv57GoPIPw==",
            "sg_message_id": "14c5d75ce94.dfd.64b469.filter0001.16648.5515E0B88.0",
            "callId": "call-1",
            "notificationId": "offer-2-receipt-1"
          },
          {
            "email": "gone@example.org",
            "timestamp": 1696154415,
            "event": "dropped",
            "reason": "Bounced Address",
            "status": "5.0.0",
            "sg_event_id": "zmzJhfJgAfUSOW80yEbPyw==",
            "sg_message_id": "14c5d75ce95.dfd.64b469.filter0001.16648.5515E0B88.0",
            "callId": "call-2",
            "notificationId": "offer-3-summary-2"
          },
          {
            "email": "host@example.org",
            "timestamp": 1696154500,
            "event": "open",
            "sg_machine_open": false,
            "useragent": "Mozilla/4.0 (compatible; MSIE 6.1; Windows XP; .NET CLR 1.1.4322; .NET CLR 2.0.50727)",
            "ip": "255.255.255.255",
            "sg_event_id": "FOTFFO0ecsBE-zxFXfs6WA==",
            "sg_message_id": "14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0",
            "callId": "call-1",
            "notificationId": "offer-1-receipt-1"
          }
        ]
        """;

    private static IReadOnlyList<DeliveryEvent> Parse(string json) => DeliveryEvents.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void A_SendGrid_sample_body_parses_into_types_ids_reasons_and_custom_args()
    {
        var events = Parse(Sample);

        Assert.Equal(
            [
                new DeliveryEvent("rbtnWrG1DVDGGGFHFyun0A==", DeliveryEventType.Processed, DateTimeOffset.FromUnixTimeSeconds(1696154400),
                    "call-1", "offer-1-receipt-1", "14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0", null),
                new DeliveryEvent("rWVYmVk90MjZJ9iohOBa3w==", DeliveryEventType.Delivered, DateTimeOffset.FromUnixTimeSeconds(1696154405),
                    "call-1", "offer-1-receipt-1", "14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0", null),
                new DeliveryEvent("6g4ZI7SA-xmRDv57GoPIPw==", DeliveryEventType.Bounced, DateTimeOffset.FromUnixTimeSeconds(1696154410),
                    "call-1", "offer-2-receipt-1", "14c5d75ce94.dfd.64b469.filter0001.16648.5515E0B88.0", "550 5.7.1 Service unavailable; client host blocked"),
                new DeliveryEvent("zmzJhfJgAfUSOW80yEbPyw==", DeliveryEventType.Dropped, DateTimeOffset.FromUnixTimeSeconds(1696154415),
                    "call-2", "offer-3-summary-2", "14c5d75ce95.dfd.64b469.filter0001.16648.5515E0B88.0", "Bounced Address"),
                new DeliveryEvent("FOTFFO0ecsBE-zxFXfs6WA==", DeliveryEventType.Other, DateTimeOffset.FromUnixTimeSeconds(1696154500),
                    "call-1", "offer-1-receipt-1", "14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0", null),
            ],
            events);
    }

    [Fact]
    public void Reason_falls_back_to_status()
    {
        var events = Parse("""[{"sg_event_id":"a","timestamp":1696154400,"event":"bounce","type":"bounce","status":"5.1.1"}]""");

        Assert.Equal("5.1.1", Assert.Single(events).Reason);
        Assert.Equal(DeliveryEventType.Bounced, events[0].Type);
    }

    [Theory]
    [InlineData("deferred", DeliveryEventType.Deferred)]
    [InlineData("click", DeliveryEventType.Other)]
    [InlineData("spamreport", DeliveryEventType.Other)]
    [InlineData("unsubscribe", DeliveryEventType.Other)]
    [InlineData("group_unsubscribe", DeliveryEventType.Other)]
    [InlineData("group_resubscribe", DeliveryEventType.Other)]
    [InlineData("Delivered", DeliveryEventType.Other)]
    public void Other_event_names_map_as_expected(string name, DeliveryEventType type)
    {
        var events = Parse($$"""[{"sg_event_id":"a","timestamp":1696154400,"event":"{{name}}"}]""");

        Assert.Equal(type, Assert.Single(events).Type);
    }

    [Fact]
    public void Events_without_an_event_id_or_a_usable_timestamp_are_skipped()
    {
        var events = Parse("""
            [
              {"timestamp":1696154400,"event":"delivered"},
              {"sg_event_id":"","timestamp":1696154400,"event":"delivered"},
              {"sg_event_id":7,"timestamp":1696154400,"event":"delivered"},
              {"sg_event_id":"no-time","event":"delivered"},
              {"sg_event_id":"text-time","timestamp":"1696154400","event":"delivered"},
              {"sg_event_id":"kept","timestamp":1696154400,"event":"delivered","callId":5}
            ]
            """);

        var kept = Assert.Single(events);
        Assert.Equal("kept", kept.EventId);
        Assert.Null(kept.CallId);
    }

    [Fact]
    public void An_empty_array_gives_no_events()
    {
        Assert.Empty(Parse("[]"));
    }

    [Theory]
    [InlineData("""{"sg_event_id":"a","timestamp":1696154400,"event":"delivered"}""")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    [InlineData("[1, 2]")]
    [InlineData("[{\"sg_event_id\":\"a\"}, []]")]
    [InlineData("[{\"sg_event_id\":\"a\"")]
    [InlineData("[] []")]
    [InlineData("")]
    public void A_body_that_is_not_a_JSON_array_of_objects_throws_FormatException(string body)
    {
        var error = Assert.Throws<FormatException>(() => Parse(body));
        Assert.Contains("JSON array", error.Message, StringComparison.Ordinal);
    }
}
