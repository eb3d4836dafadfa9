namespace HostingCalls.Core.Attachments;

/// <summary>Recognises the files an offer may carry by their first bytes, never by their name.</summary>
public static class AttachmentContent
{
    public const string Pdf = "application/pdf";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";

    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;
    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];

    /// <summary>The content type of a PDF, PNG or JPEG file, or null for anything else.</summary>
    public static string? Recognise(ReadOnlySpan<byte> content) =>
        content.StartsWith(PdfMagic) ? Pdf
        : content.StartsWith(PngMagic) ? Png
        : content.StartsWith(JpegMagic) ? Jpeg
        : null;

    public static string ExtensionOf(string contentType) => contentType switch
    {
        Pdf => ".pdf",
        Png => ".png",
        _ => ".jpg",
    };

    /// <summary>
    /// False when the name's extension says another kind of file than the content is ("scan.pdf" holding a PNG):
    /// whoever opens it by its name would be misled. A name without an extension ("Note No. 12") fits anything;
    /// any other extension fits nothing. The name is judged as <see cref="AttachmentNames.Normalise"/> left it.
    /// </summary>
    public static bool NameFits(string fileName, string contentType) =>
        AttachmentNames.ExtensionOf(fileName.TrimEnd('.', ' '))?.ToLowerInvariant() switch
        {
            null => true,
            "pdf" => contentType == Pdf,
            "png" => contentType == Png,
            "jpg" or "jpeg" => contentType == Jpeg,
            _ => false,
        };
}
