using System.Text.Json;

namespace HostingCalls.Core.Notifications.Delivery;

/// <summary>Reads the body of a SendGrid Event Webhook request: a JSON array of event objects.</summary>
public static class DeliveryEvents
{
    /// <summary>
    /// Parses <paramref name="body"/>. Events without an <c>sg_event_id</c>, or without a usable Unix-seconds
    /// <c>timestamp</c>, are skipped: they cannot be de-duplicated or placed in time. Unknown fields are ignored;
    /// <see cref="DeliveryEvent.Reason"/> is <c>reason</c>, else <c>status</c>.
    /// </summary>
    /// <exception cref="FormatException">The body is not a JSON array of objects.</exception>
    public static IReadOnlyList<DeliveryEvent> Parse(ReadOnlySpan<byte> body)
    {
        using var document = ReadDocument(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"A SendGrid event body must be a JSON array of events, not a JSON {Describe(root.ValueKind)}.");
        }

        var events = new List<DeliveryEvent>(root.GetArrayLength());
        var index = 0;
        foreach (var item in root.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"A SendGrid event body must be a JSON array of objects; item {index} is a JSON {Describe(item.ValueKind)}.");
            }

            if (Read(item) is { } parsed)
            {
                events.Add(parsed);
            }

            index++;
        }

        return events;
    }

    private static JsonDocument ReadDocument(ReadOnlySpan<byte> body)
    {
        try
        {
            // Parse checks that nothing follows the array; the copy costs what ParseValue's own copy would.
            return JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException e)
        {
            throw new FormatException($"A SendGrid event body must be a JSON array of events; it is not valid JSON ({e.Message}).", e);
        }
    }

    private static DeliveryEvent? Read(JsonElement item)
    {
        var eventId = Text(item, "sg_event_id");
        if (string.IsNullOrEmpty(eventId) || UnixSeconds(item) is not { } at)
        {
            return null;
        }

        return new DeliveryEvent(
            eventId,
            TypeOf(Text(item, "event")),
            at,
            Text(item, "callId"),
            Text(item, "notificationId"),
            Text(item, "sg_message_id"),
            Text(item, "reason") ?? Text(item, "status"));
    }

    // A "bounce" is Bounced whatever its type: "blocked" is a refusal for good too, only for a different cause.
    private static DeliveryEventType TypeOf(string? name) => name switch
    {
        "processed" => DeliveryEventType.Processed,
        "delivered" => DeliveryEventType.Delivered,
        "deferred" => DeliveryEventType.Deferred,
        "bounce" => DeliveryEventType.Bounced,
        "dropped" => DeliveryEventType.Dropped,
        _ => DeliveryEventType.Other,
    };

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? UnixSeconds(JsonElement item)
    {
        if (!item.TryGetProperty("timestamp", out var value)
            || value.ValueKind != JsonValueKind.Number
            || !value.TryGetInt64(out var seconds)
            || seconds < DateTimeOffset.MinValue.ToUnixTimeSeconds()
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return null;
        }

        return DateTimeOffset.FromUnixTimeSeconds(seconds);
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "value",
    };
}
