using HostingCalls.Core.Calls;
using HostingCalls.Core.Common;
using HostingCalls.Core.UnitTests.Invitations;
using HostingCalls.Core.Judging;
using HostingCalls.Core.Notifications;
using HostingCalls.Core.Offers;
using HostingCalls.Core.UnitTests.Judging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace HostingCalls.Core.UnitTests.Notifications;

public class NotificationBatchSenderTests
{
    private static readonly Call Call = Samples.Call();
    private static readonly Offer[] Offers = [JudgedOffers.Make("KEN", "EGM-1", call: Call), JudgedOffers.Make("FRA", "EGM-1", call: Call), JudgedOffers.Make("DEU", "EGM-2", call: Call)];

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2023-10-02T08:05:00Z"));
    private readonly InMemoryNotificationLedger _ledger = new();
    private readonly Mock<IEmailGateway> _gateway = new();
    private readonly Mock<ICallStore> _calls = new();
    private readonly Mock<IOfferStore> _offers = new();
    private readonly Mock<INotificationQueue> _queue = new();
    private readonly List<string> _sent = [];

    public NotificationBatchSenderTests()
    {
        _calls.Setup(c => c.FindAsync(Call.Id, It.IsAny<CancellationToken>())).ReturnsAsync(new Stored<Call>(Call, "call-etag"));
        _offers.Setup(o => o.FindAllAsync(Call.Id, It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, IReadOnlyCollection<string> ids, CancellationToken _) => [.. Offers.Where(o => ids.Contains(o.Id)).Select(o => new Stored<Offer>(o, "offer-etag"))]);
        _gateway.Setup(g => g.SendAsync(It.IsAny<OutgoingEmail>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((OutgoingEmail email, CancellationToken _) =>
            {
                lock (_sent)
                {
                    _sent.Add(email.NotificationId);
                }

                return SendOutcome.Accepted($"sg-{email.NotificationId}");
            });
    }

    private NotificationBatchSender Sender()
    {
        var composer = new EmailComposer(_calls.Object, _offers.Object, new Mock<IRankingStore>().Object,
            RecordedInvitations.Store([.. Offers.Select(o => RecordedInvitations.For(Call.Id, o.MemberState, $"fp@{o.MemberState.ToLowerInvariant()}.example"))]), new NotificationOptions { SecretariatEmail = "secretariat@unhabitat.example" });
        var outbox = new NotificationOutbox(_queue.Object, _ledger, _clock, NullLogger<NotificationOutbox>.Instance);
        var single = new NotificationSender(_ledger, composer, _gateway.Object, outbox, _clock, NullLogger<NotificationSender>.Instance);
        return new NotificationBatchSender(_ledger, composer, _gateway.Object, single, _clock, NullLogger<NotificationBatchSender>.Instance);
    }

    private static string Id(int offer) => Notification.About(Offers[offer], NotificationKind.NotSelected, default).Id;

    private static NotificationBatch Batch => new(Call.Id, [Id(0), Id(1), Id(2)]);

    private async Task RecordAsync(params NotificationStatus[] statuses) =>
        await _ledger.RecordAsync([.. statuses.Select((status, i) => Notification.About(Offers[i], NotificationKind.NotSelected, DateTimeOffset.Parse("2023-11-30T06:00:00Z"))
            with { Status = status, QueuedAt = DateTimeOffset.Parse("2023-11-30T06:00:00Z"), Attempts = status == NotificationStatus.Queued ? 0 : 1 })], default);

    private void Answers(int offer, SendOutcome outcome) =>
        _gateway.Setup(g => g.SendAsync(It.Is<OutgoingEmail>(e => e.NotificationId == Id(offer)), It.IsAny<CancellationToken>()))
            .ReturnsAsync((OutgoingEmail email, CancellationToken _) =>
            {
                lock (_sent)
                {
                    _sent.Add(email.NotificationId);
                }

                return outcome;
            });

    [Fact]
    public async Task Every_email_of_a_batch_is_sent_once_from_one_read_of_the_call_and_its_offers()
    {
        await RecordAsync(NotificationStatus.Queued, NotificationStatus.Queued, NotificationStatus.Queued);

        await Sender().SendAsync(Batch, default);
        await Sender().SendAsync(Batch, default);

        Assert.Equal([Id(0), Id(1), Id(2)], _sent.Order(StringComparer.Ordinal));
        Assert.All(Batch.NotificationIds, id => Assert.Equal((NotificationStatus.Sent, $"sg-{id}", 1), (_ledger[id].Status, _ledger[id].MessageId, _ledger[id].Attempts)));
        _calls.Verify(c => c.FindAsync(Call.Id, It.IsAny<CancellationToken>()), Times.Once); // the second delivery finds them sent and reads nothing more
        _offers.Verify(o => o.FindAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_full_batch_is_taken_at_once_and_each_email_is_settled_with_its_audit_entry()
    {
        var offers = Enumerable.Range(0, NotificationBatch.MaxSize).Select(i => JudgedOffers.Make("KEN", "EGM-1", minute: i, id: $"{i:D32}", call: Call)).ToList();
        _offers.Setup(o => o.FindAllAsync(Call.Id, It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, IReadOnlyCollection<string> ids, CancellationToken _) => [.. offers.Where(o => ids.Contains(o.Id)).Select(o => new Stored<Offer>(o, "offer-etag"))]);
        var notifications = offers.Select(o => Notification.About(o, NotificationKind.NotSelected, _clock.GetUtcNow()) with { Status = NotificationStatus.Queued, QueuedAt = _clock.GetUtcNow() }).ToList();
        await _ledger.RecordAsync(notifications, default);

        await Sender().SendAsync(new NotificationBatch(Call.Id, [.. notifications.Select(n => n.Id)]), default);

        Assert.Equal(notifications.Select(n => n.Id).Order(StringComparer.Ordinal), _sent.Order(StringComparer.Ordinal));
        Assert.All(notifications, n => Assert.Equal((NotificationStatus.Sent, 1), (_ledger[n.Id].Status, _ledger[n.Id].Attempts)));
        Assert.Equal(notifications.Select(n => n.Id).Order(StringComparer.Ordinal), _ledger.Audited.Select(a => a.Subject!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_offers_of_a_decided_call_are_read_once_for_all_its_batches()
    {
        var decided = Call with { Status = CallStatus.Decided, Decision = new HostingCalls.Core.Decisions.Decision(1, _clock.GetUtcNow(), "dev-secretariat", [], 1) };
        _calls.Setup(c => c.FindAsync(Call.Id, It.IsAny<CancellationToken>())).ReturnsAsync(new Stored<Call>(decided, "call-etag"));
        _offers.Setup(o => o.ListAsync(Call.Id, null, It.IsAny<CancellationToken>())).ReturnsAsync([.. Offers.Select(o => new Stored<Offer>(o, "offer-etag"))]);
        await RecordAsync(NotificationStatus.Queued, NotificationStatus.Queued, NotificationStatus.Queued);

        var sender = Sender();
        await sender.SendAsync(new NotificationBatch(Call.Id, [Id(0)]), default);
        await sender.SendAsync(new NotificationBatch(Call.Id, [Id(1), Id(2)]), default);

        Assert.Equal([Id(0), Id(1), Id(2)], _sent.Order(StringComparer.Ordinal));
        _offers.Verify(o => o.ListAsync(Call.Id, null, It.IsAny<CancellationToken>()), Times.Once);
        _offers.Verify(o => o.FindAllAsync(It.IsAny<string>(), It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Only_the_notifications_still_queued_are_sent_one_already_sent_stays_so_and_one_found_sending_becomes_unconfirmed()
    {
        await RecordAsync(NotificationStatus.Sent, NotificationStatus.Sending, NotificationStatus.Queued);

        await Sender().SendAsync(Batch, default);

        Assert.Equal([Id(2)], _sent);
        Assert.Equal(NotificationStatus.Sent, _ledger[Id(0)].Status);
        Assert.Equal(NotificationStatus.Unconfirmed, _ledger[Id(1)].Status);
        Assert.Equal(NotificationStatus.Sent, _ledger[Id(2)].Status);
    }

    [Fact]
    public async Task A_row_another_delivery_takes_after_it_was_read_is_left_to_it_and_the_others_are_sent()
    {
        await RecordAsync(NotificationStatus.Queued, NotificationStatus.Queued, NotificationStatus.Queued);
        _offers.Setup(o => o.FindAllAsync(Call.Id, It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, IReadOnlyCollection<string> ids, CancellationToken _) =>
            {
                // Between the read and the claim, another delivery of the same notification takes it.
                var row = _ledger.FindAsync(Call.Id, Id(1), default).Result!;
                Assert.NotNull(_ledger.TryReplaceAsync(row.Value with { Status = NotificationStatus.Sending, Attempts = 1 }, row.ETag, default).Result);
                return [.. Offers.Where(o => ids.Contains(o.Id)).Select(o => new Stored<Offer>(o, "offer-etag"))];
            });

        await Sender().SendAsync(Batch, default);

        Assert.Equal([Id(0), Id(2)], _sent.Order(StringComparer.Ordinal));
        Assert.Equal((NotificationStatus.Sending, 1), (_ledger[Id(1)].Status, _ledger[Id(1)].Attempts));
    }

    [Fact]
    public async Task A_5xx_in_the_middle_of_a_batch_retries_that_email_alone_and_the_others_stay_sent_once()
    {
        await RecordAsync(NotificationStatus.Queued, NotificationStatus.Queued, NotificationStatus.Queued);
        Answers(1, new SendOutcome(SendOutcomeKind.Transient, Error: "SendGrid answered 503"));

        await Assert.ThrowsAsync<NotificationRetryException>(() => Sender().SendAsync(Batch, default));
        Assert.Equal((NotificationStatus.Queued, "SendGrid answered 503"), (_ledger[Id(1)].Status, _ledger[Id(1)].LastError));
        Assert.Equal(NotificationStatus.Sent, _ledger[Id(0)].Status);
        Assert.Equal(NotificationStatus.Sent, _ledger[Id(2)].Status);

        Answers(1, SendOutcome.Accepted("sg-again"));
        await Sender().SendAsync(Batch, default);

        Assert.Equal([Id(0), Id(1), Id(1), Id(2)], _sent.Order(StringComparer.Ordinal));
        Assert.Equal((NotificationStatus.Sent, 2), (_ledger[Id(1)].Status, _ledger[Id(1)].Attempts));
        Assert.Equal(1, _ledger[Id(0)].Attempts);
    }

    [Fact]
    public async Task An_email_without_an_answer_in_a_batch_is_never_sent_again_by_the_retry()
    {
        await RecordAsync(NotificationStatus.Queued, NotificationStatus.Queued, NotificationStatus.Queued);
        Answers(2, new SendOutcome(SendOutcomeKind.Unknown, Error: "SendGrid did not answer within 30 s."));

        await Assert.ThrowsAsync<NotificationRetryException>(() => Sender().SendAsync(Batch, default));
        Assert.Equal(NotificationStatus.Sending, _ledger[Id(2)].Status);
        await Sender().SendAsync(Batch, default);

        Assert.Equal([Id(0), Id(1), Id(2)], _sent.Order(StringComparer.Ordinal));
        Assert.Equal(NotificationStatus.Unconfirmed, _ledger[Id(2)].Status);
    }

    [Fact]
    public async Task A_batch_that_used_up_its_deliveries_fails_only_what_was_not_sent_and_tells_the_secretariat_of_it()
    {
        await RecordAsync(NotificationStatus.Sent, NotificationStatus.Queued, NotificationStatus.Sent);

        await Sender().GiveUpAsync(Batch, default);

        Assert.Equal([NotificationStatus.Sent, NotificationStatus.Failed, NotificationStatus.Sent], Batch.NotificationIds.Select(id => _ledger[id].Status));
        _queue.Verify(q => q.EnqueueAsync(It.Is<NotificationMessage>(m => m.NotificationId.Contains(Id(1), StringComparison.Ordinal)), It.IsAny<CancellationToken>()), Times.Once);
    }
}
