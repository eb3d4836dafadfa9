using HostingCalls.Core.Access;
using HostingCalls.Core.Audit;
using HostingCalls.Core.Calls;
using HostingCalls.Core.Common;
using HostingCalls.Core.Notifications;
using HostingCalls.Core.Offers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace HostingCalls.Core.UnitTests.Offers;

public class OfferServiceTests
{
    private static readonly Caller Kenya = Caller.FocalPoint("KEN", "fp-ken");
    private readonly Call _call = Samples.Call();
    private readonly FakeTimeProvider _clock;
    private readonly Mock<IOfferStore> _offers = new(MockBehavior.Strict);
    private readonly Mock<INotificationQueue> _queue = new();
    private readonly Notifications.InMemoryNotificationLedger _ledger = new();
    private readonly OfferService _service;

    public OfferServiceTests()
    {
        _clock = new FakeTimeProvider(_call.OpensAt.AddDays(3));
        var calls = new Mock<ICallStore>();
        calls.Setup(c => c.FindAsync(_call.Id, It.IsAny<CancellationToken>())).ReturnsAsync(new Stored<Call>(_call, "call-etag"));
        var outbox = new NotificationOutbox(_queue.Object, _ledger, _clock, NullLogger<NotificationOutbox>.Instance);
        _service = new OfferService(calls.Object, _offers.Object, outbox, _clock);
    }

    [Fact]
    public async Task A_submission_stores_the_offer_with_its_receipt_and_queues_the_receipt()
    {
        Notification? receipt = null;
        _offers.Setup(o => o.AddAsync(It.IsAny<Offer>(), null, It.IsAny<Notification>(), It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()))
            .Callback<Offer, IdempotencyKey?, Notification, AuditEntry, CancellationToken>((_, _, n, _, _) => { receipt = n; _ledger.RecordAsync([n], default); })
            .ReturnsAsync((Offer o, IdempotencyKey? _, Notification _, AuditEntry _, CancellationToken _) => new Stored<Offer>(o, "etag-1"));

        var (view, replayed) = await _service.SubmitAsync(Kenya, _call.Id, Samples.Offer(), null, default);

        Assert.False(replayed);
        Assert.Equal(("KEN", OfferStatus.Submitted, 1, "etag-1"), (view.MemberState, view.Status, view.Version, view.ETag));
        Assert.Equal(NotificationKind.Receipt, receipt!.Kind);
        Assert.Equal(view.Id, receipt.OfferId);
        _queue.Verify(q => q.EnqueueAsync(new NotificationMessage(_call.Id, receipt.Id), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(NotificationStatus.Queued, _ledger[receipt.Id].Status);
    }

    [Fact]
    public async Task A_queue_that_is_down_does_not_lose_the_offer_the_receipt_waits_in_the_ledger()
    {
        Notification? receipt = null;
        _offers.Setup(o => o.AddAsync(It.IsAny<Offer>(), null, It.IsAny<Notification>(), It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()))
            .Callback<Offer, IdempotencyKey?, Notification, AuditEntry, CancellationToken>((_, _, n, _, _) => { receipt = n; _ledger.RecordAsync([n], default); })
            .ReturnsAsync((Offer o, IdempotencyKey? _, Notification _, AuditEntry _, CancellationToken _) => new Stored<Offer>(o, "etag-1"));
        _queue.Setup(q => q.EnqueueAsync(It.IsAny<NotificationMessage>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("queue down"));

        var (view, _) = await _service.SubmitAsync(Kenya, _call.Id, Samples.Offer(), null, default);

        Assert.Equal(OfferStatus.Submitted, view.Status);
        Assert.Equal(NotificationStatus.Recorded, _ledger[receipt!.Id].Status);
    }

    [Fact]
    public async Task A_retry_with_the_same_key_returns_the_first_offer_even_after_the_deadline()
    {
        Offer? first = null;
        IdempotencyKey? key = null;
        _offers.Setup(o => o.FindKeyAsync(_call.Id, "KEN", It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => key);
        _offers.Setup(o => o.AddAsync(It.IsAny<Offer>(), It.IsAny<IdempotencyKey?>(), It.IsAny<Notification>(), It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()))
            .Callback<Offer, IdempotencyKey?, Notification, AuditEntry, CancellationToken>((o, k, _, _, _) => (first, key) = (o, k))
            .ReturnsAsync((Offer o, IdempotencyKey? _, Notification _, AuditEntry _, CancellationToken _) => new Stored<Offer>(o, "etag-1"));
        _offers.Setup(o => o.FindAsync(_call.Id, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new Stored<Offer>(first!, "etag-1"));

        var original = await _service.SubmitAsync(Kenya, _call.Id, Samples.Offer(), "key-1", default);
        _clock.SetUtcNow(_call.Deadline.AddHours(1));
        var retry = await _service.SubmitAsync(Kenya, _call.Id, Samples.Offer(), "key-1", default);

        Assert.True(retry.Replayed);
        Assert.Equal(original.Offer.Id, retry.Offer.Id);
        _offers.Verify(o => o.AddAsync(It.IsAny<Offer>(), It.IsAny<IdempotencyKey?>(), It.IsAny<Notification>(), It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.DoesNotContain("key-1", key!.KeyHash);
    }

    [Fact]
    public async Task The_same_key_with_a_different_offer_is_refused_with_422_and_stores_nothing()
    {
        // The key is taken: the optimistic add finds it so and the first request's key says another offer.
        _offers.Setup(o => o.AddAsync(It.IsAny<Offer>(), It.IsAny<IdempotencyKey?>(), It.IsAny<Notification>(), It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Stored<Offer>?)null);
        _offers.Setup(o => o.FindKeyAsync(_call.Id, "KEN", It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new IdempotencyKey("KEN", "hash", "hash-of-another-offer", "0190c0de00007000800000000000aaaa"));

        var rejection = await Assert.ThrowsAsync<Rejection>(() => _service.SubmitAsync(Kenya, _call.Id, Samples.Offer("EGM-2"), "key-1", default));

        Assert.Equal(RejectionKind.KeyReused, rejection.Kind);
    }

    [Fact]
    public async Task Two_requests_racing_with_one_key_both_get_the_winners_offer()
    {
        Offer? winner = null;
        IdempotencyKey? winnerKey = null;
        _offers.Setup(o => o.FindKeyAsync(_call.Id, "KEN", It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => winnerKey);
        _offers.Setup(o => o.AddAsync(It.IsAny<Offer>(), It.IsAny<IdempotencyKey?>(), It.IsAny<Notification>(), It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()))
            .Callback<Offer, IdempotencyKey?, Notification, AuditEntry, CancellationToken>((o, k, _, _, _) => (winner, winnerKey) = (o with { Id = "0190c0de00007000800000000000ffff" }, k! with { OfferId = "0190c0de00007000800000000000ffff" }))
            .ReturnsAsync((Stored<Offer>?)null);
        _offers.Setup(o => o.FindAsync(_call.Id, "0190c0de00007000800000000000ffff", It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new Stored<Offer>(winner!, "etag-w"));

        var result = await _service.SubmitAsync(Kenya, _call.Id, Samples.Offer(), "key-1", default);

        Assert.True(result.Replayed);
        Assert.Equal("0190c0de00007000800000000000ffff", result.Offer.Id);
        _queue.Verify(q => q.EnqueueAsync(It.IsAny<NotificationMessage>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_late_or_malformed_submission_never_reaches_the_store()
    {
        _clock.SetUtcNow(_call.Deadline);
        var invalid = await Assert.ThrowsAsync<Rejection>(() => _service.SubmitAsync(Kenya, _call.Id, new OfferInput(), null, default));
        Assert.Equal(RejectionKind.Invalid, invalid.Kind);

        var key = await Assert.ThrowsAsync<Rejection>(() => _service.SubmitAsync(Kenya, _call.Id, Samples.Offer(), "has space", default));
        Assert.Equal("Idempotency-Key", Assert.Single(key.Errors).Key);

        _clock.Advance(TimeSpan.FromTicks(1));
        var late = await Assert.ThrowsAsync<Rejection>(() => _service.SubmitAsync(Kenya, _call.Id, Samples.Offer(), null, default));
        Assert.Equal(RejectionKind.Conflict, late.Kind);
    }

    [Theory]
    [InlineData("secretariat")]
    [InlineData("FRA")]
    public async Task A_sealed_offer_does_not_exist_for_anyone_but_its_own_state(string who)
    {
        var offer = new Offer
        {
            Id = "0190c0de00007000800000000000aaaa", CallId = _call.Id, MemberState = "KEN", Status = OfferStatus.Submitted, Version = 1,
            Details = OfferRules.Apply(Samples.Offer(), _call, "KEN"), SubmittedAt = _clock.GetUtcNow(), SubmittedBy = "fp", UpdatedAt = _clock.GetUtcNow(),
        };
        _offers.Setup(o => o.FindAsync(_call.Id, offer.Id, It.IsAny<CancellationToken>())).ReturnsAsync(new Stored<Offer>(offer, "e"));
        var caller = who == "secretariat" ? Caller.Secretariat("s") : Caller.FocalPoint(who, "fp");

        var rejection = await Assert.ThrowsAsync<Rejection>(() => _service.FindAsync(caller, _call.Id, offer.Id, default));

        Assert.Equal(RejectionKind.NotFound, rejection.Kind);
        Assert.Equal("KEN", (await _service.FindAsync(Kenya, _call.Id, offer.Id, default)).MemberState);
    }
}
