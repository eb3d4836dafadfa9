using HostingCalls.Core.Attachments;
using HostingCalls.Core.Common;
using HostingCalls.Functions.Http.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HostingCalls.Functions.Http;

/// <summary>
/// Attachments: the file is the raw request body; <c>?kind=OfficialLetter|VenueDescription</c> says what it is and the
/// optional header <see cref="FileNameHeader"/> (percent-encoded UTF-8) its name: never the URL, which logs and
/// telemetry record. Adding or removing one changes the offer, so it takes the offer's If-Match ETag.
/// </summary>
public sealed class AttachmentFunctions(ApiEndpoint endpoint, AttachmentService attachments, AttachmentOptions options)
{
    public const string FileNameHeader = "X-HostingCalls-File-Name";

    [Function(nameof(AddAttachment))]
    public Task<IActionResult> AddAttachment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "calls/{callId}/offers/{offerId}/attachments")] HttpRequest request,
        string callId, string offerId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(request, async caller =>
        {
            if (request.ContentLength > options.MaxBytes)
            {
                throw AttachmentService.TooLarge(options.MaxBytes);
            }

            var kind = KindOf(request.Query["kind"]);
            var (offer, attachment) = await attachments.AddAsync(caller, callId, offerId, kind, FileNameOf(request),
                request.Body, ApiRequest.IfMatch(request), cancellationToken);
            return new JsonResponse(offer, StatusCodes.Status201Created)
            {
                ETag = offer.ETag,
                Location = $"/api/calls/{offer.CallId}/offers/{offer.Id}/attachments/{attachment.Id}",
            };
        }, BrowserRequests.Files);

    [Function(nameof(DownloadAttachment))]
    public Task<IActionResult> DownloadAttachment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "calls/{callId}/offers/{offerId}/attachments/{attachmentId}")] HttpRequest request,
        string callId, string offerId, string attachmentId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(request, async caller =>
        {
            var (attachment, content) = await attachments.OpenAsync(caller, callId, offerId, attachmentId, cancellationToken);
            return new FileResponse(content, attachment.ContentType, attachment.FileName, attachment.Size);
        });

    [Function(nameof(RemoveAttachment))]
    public Task<IActionResult> RemoveAttachment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "calls/{callId}/offers/{offerId}/attachments/{attachmentId}")] HttpRequest request,
        string callId, string offerId, string attachmentId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(request, async caller =>
        {
            var offer = await attachments.RemoveAsync(caller, callId, offerId, attachmentId, ApiRequest.IfMatch(request), cancellationToken);
            return new JsonResponse(offer, StatusCodes.Status200OK) { ETag = offer.ETag };
        });

    private static string? FileNameOf(HttpRequest request)
    {
        if (request.Query.ContainsKey("fileName"))
        {
            throw Rejection.Invalid("fileName", $"Send the file's name in the {FileNameHeader} header (percent-encoded UTF-8), not in the URL.");
        }

        if (request.Headers[FileNameHeader] is not [{ } encoded])
        {
            return request.Headers.ContainsKey(FileNameHeader)
                ? throw Rejection.Invalid(FileNameHeader, "One file name.")
                : null;
        }

        // Percent-encoding keeps any script in a header's ASCII; a broken escape or bytes that are not UTF-8 are refused.
        var name = Uri.UnescapeDataString(encoded);
        return encoded.Contains('%', StringComparison.Ordinal) && (name == encoded || name.Contains('\uFFFD', StringComparison.Ordinal))
            ? throw Rejection.Invalid(FileNameHeader, "Percent-encoded UTF-8, as encodeURIComponent writes it.")
            : name;
    }

    private static AttachmentKind? KindOf(string? value) =>
        value is null ? null
        : Enum.TryParse<AttachmentKind>(value, ignoreCase: false, out var kind) && Enum.IsDefined(kind) && !char.IsDigit(value[0]) ? kind
        : throw Rejection.Invalid("kind", "OfficialLetter or VenueDescription.");
}
