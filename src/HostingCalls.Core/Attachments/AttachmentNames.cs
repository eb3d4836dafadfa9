using System.Globalization;
using System.Text;
using HostingCalls.Core.Common;

namespace HostingCalls.Core.Attachments;

/// <summary>
/// The name an attachment is shown and downloaded under. It is read as Windows would save it (NFC, trailing dots and
/// spaces dropped) before its extension is judged, so "venue.html." is an HTML name; a name that could look like one
/// thing and be another (invisible, format or bidi control characters) is refused, not cleaned.
/// </summary>
public static class AttachmentNames
{
    public const int MaxLength = 120;

    /// <summary>The longest extension recognised as one; a longer tail (".backup2025") is refused rather than ignored.</summary>
    private const int MaxExtensionLength = 5;

    // Files a browser or an operating system would run or render as a page: refused whatever the bytes are.
    private static readonly HashSet<string> Active = new(StringComparer.OrdinalIgnoreCase)
    {
        "htm", "html", "xhtml", "xht", "shtml", "mht", "mhtml", "svg", "svgz", "xml", "xsl", "xslt", "hta", "js", "mjs",
        "jse", "vbs", "vbe", "wsf", "wsh", "ws", "exe", "com", "bat", "cmd", "msi", "msp", "msc", "scr", "pif", "cpl",
        "dll", "sys", "ps1", "psm1", "psd1", "sh", "bash", "zsh", "csh", "command", "app", "jar", "jnlp", "class", "php",
        "phtml", "phar", "asp", "aspx", "jsp", "cgi", "pl", "py", "rb", "lnk", "url", "reg", "inf", "chm", "gadget",
        "appx", "msix", "apk", "dmg", "pkg", "deb", "rpm", "iso", "img", "vhd", "vhdx", "swf", "xbap", "application",
    };

    private static readonly HashSet<string> WindowsDevices = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>The name as stored, or null (with the error added) when it is refused.</summary>
    public static string? Normalise(FieldErrors errors, string? fileName)
    {
        if (fileName is null)
        {
            return null;
        }

        if (fileName.Length > MaxLength * 2 || TextRules.HasInvisibleControls(fileName) || fileName.Any(IsForbidden))
        {
            errors.Add("fileName", $"A plain file name of 1 to {MaxLength} characters, without a path, invisible or control characters, or any of / \\ : \" < > | * ?.");
            return null;
        }

        // Windows drops trailing dots and spaces when it saves a file: "venue.html. " is saved as "venue.html".
        var name = fileName.Normalize(NormalizationForm.FormC).TrimEnd('.', ' ');
        if (name.Length is 0 or > MaxLength || name != name.TrimStart() || TextRules.VisibleLength(name.Replace(".", "", StringComparison.Ordinal)) == 0)
        {
            errors.Add("fileName", $"A plain file name of 1 to {MaxLength} characters, without a path, invisible or control characters, or any of / \\ : \" < > | * ?.");
            return null;
        }

        if (WindowsDevices.Contains(name.Split('.')[0].TrimEnd(' ')))
        {
            errors.Add("fileName", "A Windows device name (CON, NUL, COM1...) cannot name a file.");
            return null;
        }

        if (ExtensionOf(name) is { } extension && (Active.Contains(extension) || extension.Length > MaxExtensionLength))
        {
            errors.Add("fileName", $"The extension .{extension} is not allowed: name the file .pdf, .png, .jpg or .jpeg, or give it no extension.");
            return null;
        }

        return name;
    }

    /// <summary>
    /// The text after the last dot when it reads as an extension (no white space, at least one letter), else null:
    /// "Note No. 12" and "version 1.2" have none.
    /// </summary>
    public static string? ExtensionOf(string name)
    {
        var dot = name.LastIndexOf('.');
        if (dot < 0)
        {
            return null;
        }

        var tail = name[(dot + 1)..];
        return tail.Length > 0 && !tail.Any(char.IsWhiteSpace) && tail.EnumerateRunes().Any(Rune.IsLetter) ? tail : null;
    }

    // Anything but the plain space among white space is refused too: U+3000 or NBSP would hide the real end of the name.
    private static bool IsForbidden(char c) =>
        c is '/' or '\\' or ':' or '"' or '<' or '>' or '|' or '*' or '?'
        || (char.IsWhiteSpace(c) && c != ' ')
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;
}
