using System.Security.Cryptography;
using HostingCalls.Core.Access;
using HostingCalls.Core.Audit;
using HostingCalls.Core.Common;
using HostingCalls.Core.Invitations;
using HostingCalls.Core.Offers;

namespace HostingCalls.Core.Attachments;

/// <summary>Files on an offer: added and removed by its own state while the call is open, read by whoever may see the offer.</summary>
public sealed class AttachmentService(OfferService offers, IOfferStore offerStore, IAttachmentStore files, AttachmentOptions options, TimeProvider clock)
{
    public async Task<(OfferView Offer, Attachment Attachment)> AddAsync(
        Caller caller, string callId, string offerId, AttachmentKind? kind, string? fileName, Stream content, string? ifMatch,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (kind is null)
        {
            errors.Add("kind", "Required: OfficialLetter or VenueDescription.");
        }

        var name = AttachmentNames.Normalise(errors, fileName);
        errors.ThrowIfAny("attachment");

        var (call, offer, etag) = await offers.PrepareChangeAsync(caller, callId, offerId, ifMatch, cancellationToken);
        if (offer.Attachments.Count >= options.MaxPerOffer)
        {
            throw Rejection.Conflict("Too many attachments.", $"An offer carries at most {options.MaxPerOffer} files; remove one first.");
        }

        var bytes = await ReadAsync(content, cancellationToken);
        if (InvitationLimits.Apply(caller))
        {
            InvitationLimits.EnsureAttachmentBytes(offers.Limits, await InvitationLimits.OffersOfAsync(offerStore, caller, callId, offer, cancellationToken), bytes.Length);
        }

        var contentType = AttachmentContent.Recognise(bytes.Span)
            ?? throw new Rejection(RejectionKind.UnsupportedContent, "Unsupported file.",
                "The file is not a PDF, PNG or JPEG (recognised by its content, not its name).",
                new Dictionary<string, string[]> { ["file"] = ["Not a PDF, PNG or JPEG file."] });
        if (name is not null && !AttachmentContent.NameFits(name, contentType))
        {
            throw new Rejection(RejectionKind.UnsupportedContent, "The file is not what its name says.",
                $"The file is a {AttachmentContent.ExtensionOf(contentType)[1..].ToUpperInvariant()} (recognised by its content), but its name says otherwise.",
                new Dictionary<string, string[]> { ["fileName"] = [$"Name it with the extension {AttachmentContent.ExtensionOf(contentType)}, or none."] });
        }

        var now = clock.GetUtcNow();
        var id = Ids.New(clock);
        var attachment = new Attachment(id, kind!.Value, name ?? $"{kind}{AttachmentContent.ExtensionOf(contentType)}", contentType,
            bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes.Span)), now);

        await files.SaveAsync(offer.CallId, offer.Id, attachment, bytes, cancellationToken);
        try
        {
            var changed = offer with { Attachments = [.. offer.Attachments, attachment], UpdatedAt = now };
            var audit = AuditEntries.AttachmentChanged(changed, attachment, added: true, AuditActor.Of(caller), clock);
            return (OfferView.Of(await offerStore.ReplaceAsync(changed, etag, null, audit, cancellationToken), call), attachment);
        }
        catch
        {
            // The offer moved on without this file: drop the bytes so nothing unlisted stays stored.
            await files.DeleteAsync(offer.CallId, offer.Id, id, CancellationToken.None);
            throw;
        }
    }

    public async Task<(Attachment Attachment, Stream Content)> OpenAsync(Caller caller, string callId, string offerId, string attachmentId, CancellationToken cancellationToken)
    {
        var offer = await offers.FindOfferAsync(caller, callId, offerId, cancellationToken);
        var attachment = offer.Attachments.FirstOrDefault(a => a.Id == attachmentId) ?? throw Rejection.NotFound("attachment");
        var content = await files.OpenAsync(offer.CallId, offer.Id, attachment.Id, cancellationToken)
            ?? throw new InvalidOperationException($"Attachment {attachment.Id} of offer {offer.Id} is listed but its file is missing.");
        return (attachment, content);
    }

    public async Task<OfferView> RemoveAsync(Caller caller, string callId, string offerId, string attachmentId, string? ifMatch, CancellationToken cancellationToken)
    {
        var (call, offer, etag) = await offers.PrepareChangeAsync(caller, callId, offerId, ifMatch, cancellationToken);
        var attachment = offer.Attachments.FirstOrDefault(a => a.Id == attachmentId) ?? throw Rejection.NotFound("attachment");
        var changed = offer with { Attachments = [.. offer.Attachments.Where(a => a.Id != attachment.Id)], UpdatedAt = clock.GetUtcNow() };
        var stored = await offerStore.ReplaceAsync(changed, etag, null, AuditEntries.AttachmentChanged(changed, attachment, added: false, AuditActor.Of(caller), clock), cancellationToken);
        await files.DeleteAsync(offer.CallId, offer.Id, attachment.Id, cancellationToken);
        return OfferView.Of(stored, call);
    }

    private async Task<ReadOnlyMemory<byte>> ReadAsync(Stream content, CancellationToken cancellationToken)
    {
        // Read one byte past the limit to tell "exactly at the limit" from "over it" without trusting Content-Length.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > options.MaxBytes)
            {
                throw TooLarge(options.MaxBytes);
            }
        }

        if (buffer.Length == 0)
        {
            throw Rejection.Invalid("file", "The file is empty: send its bytes as the request body.");
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    public static Rejection TooLarge(long maxBytes) =>
        new(RejectionKind.TooLarge, "File too large.", $"A file may be at most {maxBytes} bytes.",
            new Dictionary<string, string[]> { ["file"] = [$"At most {maxBytes} bytes."] });
}
