namespace HostingCalls.Core.Attachments;

/// <summary>A file attached to an offer. <see cref="ContentType"/> is what its bytes are, whatever its name says.</summary>
public sealed record Attachment(
    string Id,
    AttachmentKind Kind,
    string FileName,
    string ContentType,
    long Size,
    string Sha256,
    DateTimeOffset UploadedAt);
