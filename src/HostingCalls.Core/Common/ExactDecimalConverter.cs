using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HostingCalls.Core.Common;

/// <summary>
/// Decimals only when the JSON number is exactly representable: the framework reads 1e-400 as 0 (with 28 zero
/// decimals) and rounds digits beyond the 28th, so a rule checked on the read value would pass what was not sent.
/// </summary>
public sealed class ExactDecimalConverter : JsonConverter<decimal>
{
    // Without an exponent, 28 characters hold at most 28 digits and 26 decimals: always exact.
    private const int AlwaysExactLength = 28;

    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDecimal(out var value))
        {
            throw Refused();
        }

        ReadOnlySpan<byte> raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        if (raw.Length <= AlwaysExactLength && raw.IndexOfAny((byte)'e', (byte)'E') < 0)
        {
            return value;
        }

        return Significand(Encoding.ASCII.GetString(raw)) == Significand(value.ToString(CultureInfo.InvariantCulture)) ? value : throw Refused();
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(value);

    private static JsonException Refused() =>
        new("Expected a number a decimal holds exactly (at most 28 significant digits, no tiny or huge exponents).");

    /// <summary>"-0012.3400e1" → ("-1234", -1): the digits without leading or trailing zeros, and the power of ten after them.</summary>
    private static (string Digits, long Exponent) Significand(string number)
    {
        var text = number.AsSpan();
        var negative = text.StartsWith("-");
        if (negative)
        {
            text = text[1..];
        }

        long exponent = 0;
        var e = text.IndexOfAny('e', 'E');
        if (e >= 0)
        {
            // JSON allows any number of exponent digits; beyond ±10^9 nothing a decimal holds could match anyway.
            if (!long.TryParse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent)
                || Math.Abs(exponent) > 1_000_000_000)
            {
                return ("overflow", 0);
            }

            text = text[..e];
        }

        var point = text.IndexOf('.');
        var digits = point < 0 ? text.ToString() : string.Concat(text[..point], text[(point + 1)..]);
        if (point >= 0)
        {
            exponent -= text.Length - point - 1;
        }

        var trimmed = digits.TrimStart('0');
        var significant = trimmed.TrimEnd('0');
        if (significant.Length == 0)
        {
            return ("0", 0);
        }

        exponent += trimmed.Length - significant.Length;
        return ((negative ? "-" : "") + significant, exponent);
    }
}
