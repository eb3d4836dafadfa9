using System.Text.Encodings.Web;

namespace HostingCalls.Functions.Storage;

/// <summary>
/// Escapes only what JSON requires (quote, backslash, control characters). The built-in encoders, even the relaxed
/// one, write every character outside the BMP as two \uXXXX escapes (12 characters an emoji), which can push a
/// text within its field limit past the 64 KiB a table property holds.
/// </summary>
internal sealed class StoredJsonEncoder : JavaScriptEncoder
{
    public static StoredJsonEncoder Instance { get; } = new();

    public override int MaxOutputCharactersPerInputCharacter => 6;

    public override bool WillEncode(int unicodeScalar) => unicodeScalar < 0x20 || unicodeScalar == '"' || unicodeScalar == '\\';

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        var span = new ReadOnlySpan<char>(text, textLength);
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (c < 0x20 || c == '"' || c == '\\')
            {
                return i;
            }

            // A lone surrogate goes to the escaping path, which replaces it.
            if (char.IsHighSurrogate(c) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var output = new Span<char>(buffer, bufferLength);
        string text = unicodeScalar switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            < 0x20 => $"\\u{unicodeScalar:X4}",
            _ => char.ConvertFromUtf32(unicodeScalar),
        };
        if (text.Length > output.Length)
        {
            numberOfCharactersWritten = 0;
            return false;
        }

        text.AsSpan().CopyTo(output);
        numberOfCharactersWritten = text.Length;
        return true;
    }
}
