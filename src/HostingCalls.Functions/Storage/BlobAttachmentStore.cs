using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using HostingCalls.Core.Attachments;

namespace HostingCalls.Functions.Storage;

/// <summary>Attachment bytes in the <c>attachments</c> container, named <c>{callId}/{offerId}/{attachmentId}</c>: server ids only.</summary>
public sealed class BlobAttachmentStore(StorageClients storage) : IAttachmentStore
{
    private readonly BlobContainerClient _container = storage.Blobs.GetBlobContainerClient(StorageNames.AttachmentsContainer);

    public async Task SaveAsync(string callId, string offerId, Attachment attachment, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = attachment.ContentType },
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            Metadata = new Dictionary<string, string> { ["sha256"] = attachment.Sha256, ["kind"] = attachment.Kind.ToString() },
        };
        await Blob(callId, offerId, attachment.Id).UploadAsync(new BinaryData(content), options, cancellationToken);
    }

    public async Task<Stream?> OpenAsync(string callId, string offerId, string attachmentId, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Blob(callId, offerId, attachmentId).DownloadStreamingAsync(cancellationToken: cancellationToken);
            return response.Value.Content;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }

    public Task DeleteAsync(string callId, string offerId, string attachmentId, CancellationToken cancellationToken) =>
        Blob(callId, offerId, attachmentId).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    private BlobClient Blob(string callId, string offerId, string attachmentId) =>
        _container.GetBlobClient($"{callId}/{offerId}/{attachmentId}");
}
