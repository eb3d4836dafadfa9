using HostingCalls.Core.Access;
using HostingCalls.Core.Attachments;
using HostingCalls.Core.Calls;
using HostingCalls.Core.Common;
using HostingCalls.Core.Invitations;
using HostingCalls.Core.Notifications;
using HostingCalls.Core.Offers;
using HostingCalls.Core.UnitTests.Offers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace HostingCalls.Core.UnitTests.Invitations;

public class InvitationLimitsTests
{
    private readonly Call _call = Samples.Call();
    private readonly FakeTimeProvider _clock;
    private readonly InMemoryOfferStore _offers = new();
    private readonly Mock<IAttachmentStore> _files = new();
    private readonly InvitationOptions _limits = new() { MaxOffers = 2, MaxRevisions = 2, MaxAttachmentBytes = 1000 };
    private readonly OfferService _service;
    private readonly AttachmentService _attachments;
    private readonly Caller _kenya;
    private readonly Caller _otherKenyan;

    public InvitationLimitsTests()
    {
        _clock = new FakeTimeProvider(_call.OpensAt.AddDays(3));
        var calls = new Mock<ICallStore>();
        calls.Setup(c => c.FindAsync(_call.Id, It.IsAny<CancellationToken>())).ReturnsAsync(new Stored<Call>(_call, "call-etag"));
        var outbox = new NotificationOutbox(new Mock<INotificationQueue>().Object, new Notifications.InMemoryNotificationLedger(), _clock, NullLogger<NotificationOutbox>.Instance);
        _service = new OfferService(calls.Object, _offers, outbox, _clock, _limits);
        _attachments = new AttachmentService(_service, _offers, _files.Object, new AttachmentOptions(), _clock);
        _kenya = Caller.Invited("KEN", _call.Id, "0190c0de00007000800000000000aaaa");
        _otherKenyan = Caller.Invited("KEN", _call.Id, "0190c0de00007000800000000000bbbb");
    }

    [Fact]
    public async Task An_invitation_submits_at_most_MaxOffers_withdrawn_ones_included_then_gets_429_and_nothing_is_stored()
    {
        var first = await SubmitAsync(_kenya);
        await _service.WithdrawAsync(_kenya, _call.Id, first.Offer.Id, first.Offer.ETag, default);
        await SubmitAsync(_kenya);
        var writes = _offers.Writes;

        var refused = await Assert.ThrowsAsync<Rejection>(() => SubmitAsync(_kenya));

        Assert.Equal(RejectionKind.TooMany, refused.Kind);
        Assert.Contains("Invitations__MaxOffers", refused.Title);
        Assert.True(refused.Errors!.ContainsKey("Invitations__MaxOffers"));
        Assert.Equal((writes, 2), (_offers.Writes, _offers.All.Count));
        await SubmitAsync(_otherKenyan); // another invitation has its own count
        await SubmitAsync(Caller.FocalPoint("KEN", "dev")); // only token callers are limited
    }

    [Fact]
    public async Task The_retry_of_the_last_allowed_offer_is_answered_as_the_first_time_not_refused()
    {
        await SubmitAsync(_kenya);
        var last = await SubmitAsync(_kenya, "key-2");

        var retry = await SubmitAsync(_kenya, "key-2");

        Assert.True(retry.Replayed);
        Assert.Equal(last.Offer.Id, retry.Offer.Id);
        await Assert.ThrowsAsync<Rejection>(() => SubmitAsync(_kenya, "key-3"));
    }

    [Fact]
    public async Task Revisions_of_an_invitations_offers_are_capped_in_all_and_withdrawal_stays_possible()
    {
        var a = (await SubmitAsync(_kenya)).Offer;
        var b = (await SubmitAsync(_kenya)).Offer;
        a = await _service.ReviseAsync(_kenya, _call.Id, a.Id, Samples.Offer(), a.ETag, default);
        b = await _service.ReviseAsync(_kenya, _call.Id, b.Id, Samples.Offer(), b.ETag, default);

        var refused = await Assert.ThrowsAsync<Rejection>(() => _service.ReviseAsync(_kenya, _call.Id, a.Id, Samples.Offer(), a.ETag, default));

        Assert.Equal(RejectionKind.TooMany, refused.Kind);
        Assert.Contains("Invitations__MaxRevisions", refused.Title);
        Assert.Equal(2, _offers.All.Single(o => o.Id == a.Id).Version);
        var withdrawn = await _service.WithdrawAsync(_kenya, _call.Id, a.Id, a.ETag, default);
        Assert.Equal(OfferStatus.Withdrawn, withdrawn.Status);
    }

    [Fact]
    public async Task Attachment_bytes_of_an_invitations_offers_are_capped_in_all_exactly_at_the_limit()
    {
        var a = (await SubmitAsync(_kenya)).Offer;
        var b = (await SubmitAsync(_kenya)).Offer;
        a = (await AttachAsync(a, 600)).Offer;
        b = (await AttachAsync(b, 400)).Offer; // 1000: exactly the limit

        var refused = await Assert.ThrowsAsync<Rejection>(() => AttachAsync(b, 5)); // the smallest PDF header, just over

        Assert.Equal(RejectionKind.TooMany, refused.Kind);
        Assert.Contains("Invitations__MaxAttachmentBytes", refused.Title);
        Assert.Single(_offers.All.Single(o => o.Id == b.Id).Attachments);
        _files.Verify(f => f.SaveAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Attachment>(), It.IsAny<ReadOnlyMemory<byte>>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
        b = await _attachments.RemoveAsync(_kenya, _call.Id, b.Id, b.Attachments[0].Id, b.ETag, default);
        await AttachAsync(b, 400); // removing a file frees its bytes
    }

    private Task<SubmittedOffer> SubmitAsync(Caller caller, string? key = null) => _service.SubmitAsync(caller, _call.Id, Samples.Offer(), key, default);

    private Task<(OfferView Offer, Attachment Attachment)> AttachAsync(OfferView offer, int size)
    {
        var bytes = new byte[size];
        "%PDF-"u8.CopyTo(bytes);
        return _attachments.AddAsync(_kenya, _call.Id, offer.Id, AttachmentKind.OfficialLetter, "letter.pdf", new MemoryStream(bytes), offer.ETag, default);
    }
}
