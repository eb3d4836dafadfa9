using System.Net.Mail;
using System.Text.RegularExpressions;

namespace HostingCalls.Core.Common;

/// <summary>Checks free text from users: present, within its length, and free of control characters.</summary>
public static partial class TextRules
{
    public static string? Required(FieldErrors errors, string field, string? value, int maxLength, bool multiline = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "Required.");
            return null;
        }

        return Optional(errors, field, value, maxLength, multiline);
    }

    public static string? Optional(FieldErrors errors, string field, string? value, int maxLength, bool multiline = false)
    {
        if (value is null)
        {
            return null;
        }

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

        return text.Length == 0 ? null : text;
    }

    public static string? Email(FieldErrors errors, string field, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(field, "Required.");
            }

            return null;
        }

        // One plain address (no display name, no list); MailAddress alone accepts "Name <a@b>".
        var text = value.Trim();
        if (text.Length > 254 || !EmailShape().IsMatch(text)
            || !MailAddress.TryCreate(text, out var address) || address.Address != text)
        {
            errors.Add(field, "Not a valid email address.");
            return null;
        }

        return text;
    }

    [GeneratedRegex(@"^[^\s@<>()\[\]\\,;:""]+@[^\s@<>()\[\]\\,;:""]+\.[^\s@<>()\[\]\\,;:""]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailShape();
}
