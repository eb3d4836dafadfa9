using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HostingCalls.Core.Common;

/// <summary>
/// Enums as their exact names. The framework's string converter also reads numbers, other casing ("venue") and
/// flag combinations ("Logistics, Security", read as another member): a request must name one member as written.
/// </summary>
public sealed class ExactEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Names<>).MakeGenericType(typeToConvert))!;

    private sealed class Names<T> : JsonConverter<T>
        where T : struct, Enum
    {
        // Longer than any member's name: refused unread.
        private const int MaxNameBytes = 128;

        private readonly FrozenDictionary<string, T> _byName;
        private readonly FrozenDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

        private readonly FrozenDictionary<T, JsonEncodedText> _byValue =
            Enum.GetValues<T>().Distinct().ToFrozenDictionary(v => v, v => JsonEncodedText.Encode(v.ToString()));

        private readonly string _expected = $"Expected one of: {string.Join(", ", Enum.GetNames<T>())} (exactly as written).";

        public Names()
        {
            _byName = Enum.GetValues<T>().ToFrozenDictionary(v => v.ToString(), StringComparer.Ordinal);
            _bySpan = _byName.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String ? Parse(ref reader) : throw Refused();

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Encoded(value));

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Parse(ref reader);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WritePropertyName(Encoded(value));

        /// <summary>Looks the name up without a string per value: stored offers are read by the hundred thousand.</summary>
        private T Parse(ref Utf8JsonReader reader)
        {
            // UTF-8 and escapes never take fewer bytes than the characters they stand for.
            var bytes = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
            if (bytes > MaxNameBytes)
            {
                throw Refused();
            }

            Span<char> name = stackalloc char[MaxNameBytes];
            var length = reader.CopyString(name);
            return _bySpan.TryGetValue(name[..length], out var value) ? value : throw Refused();
        }

        // A value outside the enum would otherwise be written as a number no reader accepts back.
        private JsonEncodedText Encoded(T value) =>
            _byValue.TryGetValue(value, out var name) ? name : throw new JsonException($"{value} is not a member of {typeof(T).Name}.");

        private JsonException Refused() => new(_expected);
    }
}
