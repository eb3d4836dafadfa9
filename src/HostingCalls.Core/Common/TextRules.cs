using System.Globalization;
using System.Net.Mail;
using System.Text;
using System.Text.RegularExpressions;

namespace HostingCalls.Core.Common;

/// <summary>
/// Checks free text from users: present, within its length, and free of control characters. "Required" and minimum
/// lengths count visible characters only, so text made of zero-width spaces, soft hyphens or bidi controls is empty.
/// </summary>
public static partial class TextRules
{
    public static string? Required(FieldErrors errors, string field, string? value, int maxLength, bool multiline = false, int minLength = 0)
    {
        if (value is null || VisibleLength(value) == 0)
        {
            errors.Add(field, "Required.");
            return null;
        }

        return Optional(errors, field, value, maxLength, multiline, minLength);
    }

    /// <param name="minLength">Visible characters the text needs when given.</param>
    public static string? Optional(FieldErrors errors, string field, string? value, int maxLength, bool multiline = false, int minLength = 0)
    {
        if (value is null)
        {
            return null;
        }

        // The maximum counts every UTF-16 unit, visible or not: invisible padding must not make text longer than its limit.
        var text = value.Trim();
        if (text.Length > maxLength)
        {
            errors.Add(field, $"At most {maxLength} characters ({text.Length} given).");
            return null;
        }

        if (text.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')))
        {
            errors.Add(field, multiline
                ? "Control characters are not allowed (line breaks and tabs are)."
                : "Control characters and line breaks are not allowed.");
            return null;
        }

        if (text.Length > 0 && VisibleLength(text) < minLength)
        {
            errors.Add(field, $"At least {minLength} visible characters ({VisibleLength(text)} given).");
            return null;
        }

        return text.Length == 0 || VisibleLength(text) == 0 ? null : text;
    }

    /// <summary>
    /// Characters a reader sees: not white space, not a control or format character (U+200B, U+FEFF, U+00AD, bidi
    /// controls), not a combining mark on its own, and not one of the letters Unicode draws blank (Hangul fillers).
    /// A character outside the BMP counts once; an unpaired surrogate counts as nothing.
    /// </summary>
    public static int VisibleLength(string text)
    {
        var count = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            count += IsVisible(rune) ? 1 : 0;
        }

        return count;
    }

    /// <summary>True for control and format characters (Unicode Cc and Cf) and unpaired surrogates: never wanted in a name or an address.</summary>
    public static bool HasInvisibleControls(string text) =>
        !IsWellFormed(text) || text.EnumerateRunes().Any(r => Rune.GetUnicodeCategory(r) is UnicodeCategory.Format or UnicodeCategory.Control);

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsVisible(Rune rune)
    {
        if (Rune.IsWhiteSpace(rune) || rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800 or 0x034F)
        {
            return false;
        }

        return Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Surrogate
            or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);
    }

    /// <summary>
    /// One plain address, returned as it is stored: an internationalised domain in its punycode (ASCII) form, so
    /// one mailbox has one spelling. Control and format characters (U+202E, U+200B) are refused, not removed.
    /// </summary>
    public static string? Email(FieldErrors errors, string field, string? value, bool required)
    {
        if (value is null || VisibleLength(value) == 0)
        {
            if (required)
            {
                errors.Add(field, "Required.");
            }

            return null;
        }

        var text = value.Trim();
        if (HasInvisibleControls(text))
        {
            errors.Add(field, "Not a valid email address: it holds invisible or control characters.");
            return null;
        }

        var at = text.LastIndexOf('@');
        var ascii = at <= 0 ? null : AsciiDomain(text[(at + 1)..]);
        if (ascii is null)
        {
            errors.Add(field, "Not a valid email address.");
            return null;
        }

        // One plain address (no display name, no list); MailAddress alone accepts "Name <a@b>".
        text = text[..(at + 1)] + ascii;
        if (text.Length > 254 || !EmailShape().IsMatch(text)
            || !MailAddress.TryCreate(text, out var address) || address.Address != text)
        {
            errors.Add(field, "Not a valid email address.");
            return null;
        }

        return text;
    }

    /// <summary>
    /// A stored address as a reader should see it: a punycode domain ("xn--...") shown in its own script. What is
    /// mailed stays the stored ASCII form.
    /// </summary>
    public static string EmailForDisplay(string stored)
    {
        var at = stored.LastIndexOf('@');
        if (at <= 0 || !stored.Contains("xn--", StringComparison.OrdinalIgnoreCase))
        {
            return stored;
        }

        try
        {
            return stored[..(at + 1)] + new IdnMapping { UseStd3AsciiRules = true }.GetUnicode(stored[(at + 1)..]);
        }
        catch (ArgumentException)
        {
            return stored; // Not valid punycode: shown as stored rather than guessed at.
        }
    }

    private static string? AsciiDomain(string domain)
    {
        if (domain.Length == 0 || domain.All(char.IsAscii))
        {
            return domain.Length == 0 ? null : domain; // An ASCII domain is kept as written; the shape check below judges it.
        }

        try
        {
            // IDNA mapping (lowercase, NFC) then punycode; a domain IDNA forbids throws.
            return new IdnMapping { UseStd3AsciiRules = true }.GetAscii(domain);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^[^\s@<>()\[\]\\,;:""]+@[^\s@<>()\[\]\\,;:""]+\.[^\s@<>()\[\]\\,;:""]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailShape();
}
