using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HostingCalls.Core.Common;

/// <summary>
/// The one JSON shape of the API and of stored documents: camelCase, enums as names, and strict on input —
/// unknown members, numbers in strings, enums other than an exact name, decimals not held exactly and date-times
/// without an offset are refused.
/// </summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            PropertyNameCaseInsensitive = false,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowDuplicateProperties = false,
            NumberHandling = JsonNumberHandling.Strict,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            MaxDepth = 16,
        };
        options.Converters.Add(new ExactEnumConverter());
        options.Converters.Add(new ExactDecimalConverter());
        options.Converters.Add(new DateTimeOffsetWithOffsetConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Reads only ISO 8601 date-times that carry "Z" or an offset: a deadline without one is ambiguous.</summary>
    private sealed class DateTimeOffsetWithOffsetConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (text is null
                || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
                || !HasOffset(text))
            {
                throw new JsonException("Expected an ISO 8601 date-time with Z or an offset, for example 2023-10-31T23:59:00+03:00.");
            }

            return value;
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));

        private static bool HasOffset(string text)
        {
            var time = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
            if (time < 0)
            {
                return false;
            }

            var rest = text.AsSpan(time);
            return rest.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || rest.LastIndexOfAny('+', '-') > 0;
        }
    }
}
