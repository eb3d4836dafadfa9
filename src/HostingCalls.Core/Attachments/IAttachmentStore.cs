namespace HostingCalls.Core.Attachments;

/// <summary>Where attachment bytes live, under their call and offer.</summary>
public interface IAttachmentStore
{
    Task SaveAsync(string callId, string offerId, Attachment attachment, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    Task<Stream?> OpenAsync(string callId, string offerId, string attachmentId, CancellationToken cancellationToken);

    Task DeleteAsync(string callId, string offerId, string attachmentId, CancellationToken cancellationToken);
}
