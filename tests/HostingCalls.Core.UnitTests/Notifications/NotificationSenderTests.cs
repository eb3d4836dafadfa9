using HostingCalls.Core.Calls;
using HostingCalls.Core.Common;
using HostingCalls.Core.Invitations;
using HostingCalls.Core.UnitTests.Invitations;
using HostingCalls.Core.Judging;
using HostingCalls.Core.Notifications;
using HostingCalls.Core.Offers;
using HostingCalls.Core.UnitTests.Judging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace HostingCalls.Core.UnitTests.Notifications;

public class NotificationSenderTests
{
    private const string SecretariatEmail = "secretariat@unhabitat.example";

    private static readonly Call Call = Samples.Call();

    // A French-speaking focal point, so that an email written in English by mistake would show.
    private static readonly Offer Offer = JudgedOffers.Make("KEN", "EGM-1", call: Call)
        .WithDetails(d => d with { FocalPoint = d.FocalPoint with { Language = "fr" } });

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2023-10-02T08:05:00Z"));
    private readonly InMemoryNotificationLedger _ledger = new();
    private readonly Mock<IEmailGateway> _gateway = new();
    private readonly Mock<ICallStore> _calls = new();
    private readonly Mock<IOfferStore> _offers = new();
    private readonly Mock<IRankingStore> _rankings = new();
    private readonly Mock<INotificationQueue> _queue = new();
    private readonly List<OutgoingEmail> _sent = [];

    public NotificationSenderTests()
    {
        _calls.Setup(c => c.FindAsync(Call.Id, It.IsAny<CancellationToken>())).ReturnsAsync(new Stored<Call>(Call, "call-etag"));
        _offers.Setup(o => o.FindAsync(Call.Id, Offer.Id, It.IsAny<CancellationToken>())).ReturnsAsync(new Stored<Offer>(Offer, "offer-etag"));
    }

    private IInvitationStore _invitations = RecordedInvitations.Store(RecordedInvitations.For(Call.Id, "KEN", "recorded.focal.point@mfa.go.ke", "recorded.mission@kenya-un.example"));

    private NotificationSender Sender() => new(
        _ledger,
        new EmailComposer(_calls.Object, _offers.Object, _rankings.Object, _invitations,
            new NotificationOptions { SecretariatEmail = SecretariatEmail }),
        _gateway.Object,
        new NotificationOutbox(_queue.Object, _ledger, _clock, NullLogger<NotificationOutbox>.Instance),
        _clock,
        NullLogger<NotificationSender>.Instance);

    private static Notification Receipt(NotificationStatus status = NotificationStatus.Queued) =>
        Notification.About(Offer, NotificationKind.Receipt, DateTimeOffset.Parse("2023-10-02T08:00:00Z"))
            with { Status = status, QueuedAt = DateTimeOffset.Parse("2023-10-02T08:00:01Z") };

    private async Task<Notification> Stored(Notification notification)
    {
        await _ledger.RecordAsync([notification], default);
        return notification;
    }

    private void Answers(SendOutcome outcome) =>
        _gateway.Setup(g => g.SendAsync(It.IsAny<OutgoingEmail>(), It.IsAny<CancellationToken>()))
            .Callback<OutgoingEmail, CancellationToken>((email, _) => _sent.Add(email))
            .ReturnsAsync(outcome);

    private void GatewayCalled(int times) =>
        _gateway.Verify(g => g.SendAsync(It.IsAny<OutgoingEmail>(), It.IsAny<CancellationToken>()), Times.Exactly(times));

    [Fact]
    public async Task An_accepted_email_is_recorded_sent_with_its_message_id()
    {
        var receipt = await Stored(Receipt());
        Answers(SendOutcome.Accepted("sg-message-1"));

        await Sender().SendAsync(receipt.Message, default);

        var row = _ledger[receipt.Id];
        Assert.Equal(NotificationStatus.Sent, row.Status);
        Assert.Equal("sg-message-1", row.MessageId);
        Assert.Equal(1, row.Attempts);
        Assert.Equal(_clock.GetUtcNow(), row.SentAt);
        Assert.Null(row.LastError);
    }

    [Fact]
    public async Task The_email_goes_to_the_invitations_focal_point_with_its_permanent_mission_in_copy_in_the_offers_language()
    {
        var receipt = await Stored(Receipt());
        Answers(SendOutcome.Accepted("sg-message-1"));

        await Sender().SendAsync(receipt.Message, default);

        var email = Assert.Single(_sent);
        // The offer's own addresses (focal.point@mfa.go.ke, mission@kenya-un.example) were never confirmed: not mailed.
        Assert.Equal(("recorded.focal.point@mfa.go.ke", "Focal point of KEN"), (email.To, email.ToName));
        Assert.Equal(["recorded.mission@kenya-un.example"], email.Cc);
        Assert.Equal((Call.Id, receipt.Id, NotificationKind.Receipt), (email.CallId, email.NotificationId, email.Kind));
        Assert.StartsWith("Accusé de réception de votre offre – EGM-1", email.Content.Subject, StringComparison.Ordinal);
        Assert.Contains("Nous vous remercions de votre offre", email.Content.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Thank you for your offer", email.Content.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_address_the_secretariat_recorded_nothing_is_sent_and_the_notification_says_why()
    {
        _invitations = RecordedInvitations.Store(RecordedInvitations.For(Call.Id, "FRA", "fp@diplomatie.example"));
        var receipt = await Stored(Receipt());
        Answers(SendOutcome.Accepted("sg-message-1"));

        await Sender().SendAsync(receipt.Message, default);

        GatewayCalled(0);
        Assert.Equal(NotificationStatus.Failed, _ledger[receipt.Id].Status);
        Assert.Contains("No address the secretariat recorded for KEN", _ledger[receipt.Id].LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_delivered_again_after_the_email_was_sent_sends_nothing()
    {
        var receipt = await Stored(Receipt());
        Answers(SendOutcome.Accepted("sg-message-1"));

        await Sender().SendAsync(receipt.Message, default);
        await Sender().SendAsync(receipt.Message, default);

        GatewayCalled(1);
        Assert.Equal((NotificationStatus.Sent, 1), (_ledger[receipt.Id].Status, _ledger[receipt.Id].Attempts));
    }

    [Fact]
    public async Task A_row_found_sending_was_perhaps_sent_already_so_it_is_marked_unconfirmed_and_not_sent_again()
    {
        var receipt = await Stored(Receipt(NotificationStatus.Sending) with { Attempts = 1 });
        Answers(SendOutcome.Accepted("sg-message-2"));

        await Sender().SendAsync(receipt.Message, default);

        GatewayCalled(0);
        Assert.Equal(NotificationStatus.Unconfirmed, _ledger[receipt.Id].Status);
        Assert.Contains("not sent again", _ledger[receipt.Id].LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_email_refused_for_good_is_recorded_failed_with_the_reason_and_not_retried()
    {
        var receipt = await Stored(Receipt());
        Answers(new SendOutcome(SendOutcomeKind.Permanent, Error: "400: The to email does not contain a valid address."));

        await Sender().SendAsync(receipt.Message, default);

        var row = _ledger[receipt.Id];
        Assert.Equal(NotificationStatus.Failed, row.Status);
        Assert.Equal("400: The to email does not contain a valid address.", row.LastError);
        Assert.Equal(1, row.Attempts);
    }

    [Fact]
    public async Task A_transient_failure_puts_the_row_back_in_the_queue_and_asks_for_a_retry()
    {
        var receipt = await Stored(Receipt());
        Answers(new SendOutcome(SendOutcomeKind.Transient, Error: "503 Service Unavailable"));

        await Assert.ThrowsAsync<NotificationRetryException>(() => Sender().SendAsync(receipt.Message, default));

        var row = _ledger[receipt.Id];
        Assert.Equal(NotificationStatus.Queued, row.Status);
        Assert.Equal("503 Service Unavailable", row.LastError);
        Assert.Equal(_clock.GetUtcNow(), row.QueuedAt);
        Assert.Equal(1, row.Attempts);
    }

    [Fact]
    public async Task A_transient_failure_then_success_sends_the_email_on_the_retry()
    {
        var receipt = await Stored(Receipt());
        Answers(new SendOutcome(SendOutcomeKind.Transient, Error: "503 Service Unavailable"));
        await Assert.ThrowsAsync<NotificationRetryException>(() => Sender().SendAsync(receipt.Message, default));

        Answers(SendOutcome.Accepted("sg-message-1"));
        await Sender().SendAsync(receipt.Message, default);

        Assert.Equal((NotificationStatus.Sent, 2, "sg-message-1"), (_ledger[receipt.Id].Status, _ledger[receipt.Id].Attempts, _ledger[receipt.Id].MessageId));
    }

    [Fact]
    public async Task An_unanswered_send_stays_sending_and_the_next_delivery_marks_it_unconfirmed_without_sending_again()
    {
        var receipt = await Stored(Receipt());
        Answers(new SendOutcome(SendOutcomeKind.Unknown, Error: "SendGrid did not answer within 30 s"));

        await Assert.ThrowsAsync<NotificationRetryException>(() => Sender().SendAsync(receipt.Message, default));
        Assert.Equal(NotificationStatus.Sending, _ledger[receipt.Id].Status);
        Assert.Equal("SendGrid did not answer within 30 s", _ledger[receipt.Id].LastError);

        await Sender().SendAsync(receipt.Message, default);

        GatewayCalled(1);
        Assert.Equal(NotificationStatus.Unconfirmed, _ledger[receipt.Id].Status);
        Assert.Contains("SendGrid did not answer within 30 s", _ledger[receipt.Id].LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rate_limit_waits_for_its_reset_before_asking_for_a_retry()
    {
        var receipt = await Stored(Receipt());
        Answers(new SendOutcome(SendOutcomeKind.RateLimited, Error: "429 Too Many Requests", RetryAt: _clock.GetUtcNow().AddSeconds(10)));

        var sending = Sender().SendAsync(receipt.Message, default);

        Assert.False(sending.IsCompleted);
        Assert.Equal(NotificationStatus.Queued, _ledger[receipt.Id].Status);
        _clock.Advance(TimeSpan.FromSeconds(9));
        Assert.False(sending.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<NotificationRetryException>(() => sending.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("429 Too Many Requests", _ledger[receipt.Id].LastError);
        GatewayCalled(1);
    }

    [Fact]
    public async Task A_rate_limit_that_resets_late_is_waited_for_at_most_the_longest_wait()
    {
        var receipt = await Stored(Receipt());
        Answers(new SendOutcome(SendOutcomeKind.RateLimited, Error: "429 Too Many Requests", RetryAt: _clock.GetUtcNow().AddMinutes(5)));

        var sending = Sender().SendAsync(receipt.Message, default);

        _clock.Advance(NotificationSender.LongestRateLimitWait - TimeSpan.FromSeconds(1));
        Assert.False(sending.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<NotificationRetryException>(() => sending.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(NotificationStatus.Queued, _ledger[receipt.Id].Status);
    }

    [Fact]
    public async Task A_rate_limit_without_a_reset_time_asks_for_a_retry_at_once()
    {
        var receipt = await Stored(Receipt());
        Answers(new SendOutcome(SendOutcomeKind.RateLimited, Error: "429 Too Many Requests"));

        var sending = Sender().SendAsync(receipt.Message, default);

        Assert.True(sending.IsCompleted);
        await Assert.ThrowsAsync<NotificationRetryException>(() => sending);
        Assert.Equal(NotificationStatus.Queued, _ledger[receipt.Id].Status);
    }

    [Fact]
    public async Task A_storage_fault_while_writing_the_email_leaves_the_row_queued_and_sends_nothing()
    {
        var receipt = await Stored(Receipt());
        Answers(SendOutcome.Accepted("sg-message-1"));
        _calls.Setup(c => c.FindAsync(Call.Id, It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("Table storage is unavailable."));

        var fault = await Assert.ThrowsAsync<IOException>(() => Sender().SendAsync(receipt.Message, default));

        Assert.Equal("Table storage is unavailable.", fault.Message);
        GatewayCalled(0);
        var row = _ledger[receipt.Id];
        Assert.Equal((NotificationStatus.Queued, 0), (row.Status, row.Attempts));
    }

    [Fact]
    public async Task An_email_about_an_offer_that_is_gone_is_recorded_failed_without_sending()
    {
        var receipt = await Stored(Receipt());
        Answers(SendOutcome.Accepted("sg-message-1"));
        _offers.Setup(o => o.FindAsync(Call.Id, Offer.Id, It.IsAny<CancellationToken>())).ReturnsAsync((Stored<Offer>?)null);

        await Sender().SendAsync(receipt.Message, default);

        GatewayCalled(0);
        Assert.Equal(NotificationStatus.Failed, _ledger[receipt.Id].Status);
        Assert.Contains(Offer.Id, _ledger[receipt.Id].LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Giving_up_records_the_row_failed_and_queues_an_alert_to_the_secretariat()
    {
        var receipt = await Stored(Receipt() with { Attempts = 5, LastError = "503 Service Unavailable" });

        await Sender().GiveUpAsync(receipt.Message, default);

        var row = _ledger[receipt.Id];
        Assert.Equal(NotificationStatus.Failed, row.Status);
        Assert.Equal("Gave up after 5 attempts: 503 Service Unavailable", row.LastError);

        var alertId = $"{Call.Id}-summary-failed-{receipt.Id}-5";
        var alert = _ledger[alertId];
        Assert.Equal((NotificationKind.Summary, null, Call.Id), (alert.Kind, alert.OfferId, alert.CallId));
        Assert.Contains(receipt.Id, alert.Note, StringComparison.Ordinal);
        Assert.Contains("503 Service Unavailable", alert.Note, StringComparison.Ordinal);
        Assert.Equal(NotificationStatus.Queued, alert.Status);
        _queue.Verify(q => q.EnqueueAsync(new NotificationMessage(Call.Id, alertId), It.IsAny<CancellationToken>()), Times.Once);
        _queue.VerifyNoOtherCalls();
        GatewayCalled(0);
    }

    [Fact]
    public async Task Giving_up_on_an_email_that_was_sent_after_all_changes_nothing_and_tells_nobody()
    {
        var receipt = await Stored(Receipt(NotificationStatus.Sent) with { Attempts = 2, MessageId = "sg-message-1" });

        await Sender().GiveUpAsync(receipt.Message, default);

        Assert.Equal(receipt, _ledger[receipt.Id]);
        Assert.Single(await _ledger.ListAsync(Call.Id, default));
        _queue.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Giving_up_on_an_alert_to_the_secretariat_records_it_failed_without_another_alert()
    {
        var summary = await Stored(Notification.Summary(Call.Id, "results", _clock.GetUtcNow()) with
        {
            Status = NotificationStatus.Queued,
            Attempts = 5,
            LastError = "503 Service Unavailable",
        });

        await Sender().GiveUpAsync(summary.Message, default);

        Assert.Equal(NotificationStatus.Failed, _ledger[summary.Id].Status);
        Assert.Single(await _ledger.ListAsync(Call.Id, default));
        _queue.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Giving_up_on_a_row_whose_last_attempt_went_unanswered_keeps_it_unconfirmed()
    {
        var receipt = await Stored(Receipt());
        Answers(new SendOutcome(SendOutcomeKind.Unknown, Error: "SendGrid did not answer within 30 s"));
        await Assert.ThrowsAsync<NotificationRetryException>(() => Sender().SendAsync(receipt.Message, default));

        // That was the fifth delivery: the message goes to the poison queue instead of being delivered again.
        await Sender().GiveUpAsync(receipt.Message, default);

        Assert.Equal(NotificationStatus.Unconfirmed, _ledger[receipt.Id].Status);
    }

    [Fact]
    public async Task A_re_driven_email_that_fails_again_alerts_the_secretariat_again()
    {
        var receipt = await Stored(Receipt() with { Attempts = 5, LastError = "503 Service Unavailable" });
        await Sender().GiveUpAsync(receipt.Message, default);
        var alertId = $"{Call.Id}-summary-failed-{receipt.Id}-5";
        var alert = (await _ledger.FindAsync(Call.Id, alertId, default))!;
        await _ledger.TryReplaceAsync(alert.Value with { Status = NotificationStatus.Sent }, alert.ETag, default);

        // The secretariat re-drives it (Failed → Recorded → Queued), and five more deliveries fail.
        var failed = (await _ledger.FindAsync(Call.Id, receipt.Id, default))!;
        await _ledger.TryReplaceAsync(failed.Value with { Status = NotificationStatus.Queued, Attempts = 10 }, failed.ETag, default);
        await Sender().GiveUpAsync(receipt.Message, default);

        Assert.Equal(NotificationStatus.Failed, _ledger[receipt.Id].Status);
        _queue.Verify(q => q.EnqueueAsync(It.IsAny<NotificationMessage>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }
}
