using HostingCalls.Core.Notifications;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace HostingCalls.Core.UnitTests.Notifications;

public class NotificationOutboxTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2023-10-01T10:00:00Z"));
    private readonly Mock<INotificationQueue> _queue = new();
    private readonly InMemoryNotificationLedger _ledger = new();

    private NotificationOutbox Outbox() => new(_queue.Object, _ledger, _clock, NullLogger<NotificationOutbox>.Instance);

    private static Notification Recorded(string id, string recordedAt = "2023-10-01T09:00:00Z") =>
        new(id, "call", "offer", NotificationKind.Receipt, NotificationStatus.Recorded, DateTimeOffset.Parse(recordedAt), null);

    [Fact]
    public async Task The_timer_queues_what_was_recorded_before_the_settle_time_once_and_marks_it_queued()
    {
        await _ledger.RecordAsync([Recorded("a"), Recorded("b"), Recorded("fresh", "2023-10-01T09:59:00Z")], default);

        Assert.Equal(2, await Outbox().QueueStrandedAsync(default));
        Assert.Equal(0, await Outbox().QueueStrandedAsync(default));

        _queue.Verify(q => q.EnqueueAsync(new NotificationMessage("call", "a"), It.IsAny<CancellationToken>()), Times.Once);
        _queue.Verify(q => q.EnqueueAsync(new NotificationMessage("call", "b"), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal((NotificationStatus.Queued, _clock.GetUtcNow()), (_ledger["a"].Status, _ledger["a"].QueuedAt));
        Assert.Equal(NotificationStatus.Recorded, _ledger["fresh"].Status);
    }

    [Fact]
    public async Task A_queue_that_is_down_gives_the_claim_back_so_the_next_run_queues_it()
    {
        await _ledger.RecordAsync([Recorded("a")], default);
        _queue.Setup(q => q.EnqueueAsync(It.IsAny<NotificationMessage>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("down"));

        await Assert.ThrowsAsync<IOException>(() => Outbox().QueueStrandedAsync(default));
        Assert.False(await Outbox().TryQueueAsync(Recorded("a"), default));
        Assert.Equal(NotificationStatus.Recorded, _ledger["a"].Status);

        _queue.Reset();
        Assert.Equal(1, await Outbox().QueueStrandedAsync(default));
    }

    [Fact]
    public async Task A_queued_notification_nobody_took_for_an_hour_lost_its_message_and_is_queued_again()
    {
        await _ledger.RecordAsync([Recorded("a")], default);
        Assert.True(await Outbox().TryQueueAsync(Recorded("a"), default));

        _clock.Advance(NotificationOutbox.Stranded - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await Outbox().QueueStrandedAsync(default));
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await Outbox().QueueStrandedAsync(default));

        _queue.Verify(q => q.EnqueueAsync(new NotificationMessage("call", "a"), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task Two_runs_racing_for_one_notification_queue_it_once()
    {
        await _ledger.RecordAsync([Recorded("a")], default);
        var seen = (await _ledger.FindAsync("call", "a", default))!;

        Assert.True(await Outbox().QueueAsync(seen, default));
        Assert.False(await Outbox().QueueAsync(seen, default)); // the same row, read before the first run claimed it

        _queue.Verify(q => q.EnqueueAsync(It.IsAny<NotificationMessage>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_batch_is_recorded_claimed_and_queued_as_one_message_and_a_second_run_queues_only_what_is_still_recorded()
    {
        await _ledger.RecordAsync([Recorded("b")], default); // left Recorded by a run that stopped
        var batch = new[] { Recorded("a"), Recorded("b"), Recorded("c") };

        Assert.Equal(2, await Outbox().RecordAndQueueAsync([Recorded("a"), Recorded("c")], default));
        Assert.Equal(1, await Outbox().RecordAndQueueAsync(batch, default));
        Assert.Equal(0, await Outbox().RecordAndQueueAsync(batch, default));

        _queue.Verify(q => q.EnqueueAsync(It.Is<NotificationBatch>(b => b.NotificationIds.SequenceEqual(new[] { "a", "c" })), It.IsAny<CancellationToken>()), Times.Once);
        _queue.Verify(q => q.EnqueueAsync(It.Is<NotificationBatch>(b => b.NotificationIds.SequenceEqual(new[] { "b" })), It.IsAny<CancellationToken>()), Times.Once);
        _queue.Verify(q => q.EnqueueAsync(It.IsAny<NotificationBatch>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
        Assert.All(batch, n => Assert.Equal(NotificationStatus.Queued, _ledger[n.Id].Status));
    }

    [Fact]
    public async Task A_batch_the_queue_refuses_is_given_back_to_recorded_for_the_next_run()
    {
        _queue.Setup(q => q.EnqueueAsync(It.IsAny<NotificationBatch>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("down"));

        await Assert.ThrowsAsync<IOException>(() => Outbox().RecordAndQueueAsync([Recorded("a"), Recorded("b")], default));

        Assert.Equal((NotificationStatus.Recorded, NotificationStatus.Recorded), (_ledger["a"].Status, _ledger["b"].Status));
    }

    private static Notification Claimed(string id) => Recorded(id) with { Status = NotificationStatus.Queued, QueuedAt = DateTimeOffset.Parse("2023-10-01T09:00:00Z") };

    [Fact]
    public async Task Receipts_claimed_while_a_message_is_on_its_way_share_the_next_one_and_each_returns_once_its_own_is_queued()
    {
        var slow = new TaskCompletionSource();
        var batches = new List<NotificationBatch>();
        _queue.Setup(q => q.EnqueueAsync(It.IsAny<NotificationMessage>(), It.IsAny<CancellationToken>())).Returns(slow.Task);
        _queue.Setup(q => q.EnqueueAsync(It.IsAny<NotificationBatch>(), It.IsAny<CancellationToken>()))
            .Callback((NotificationBatch b, CancellationToken _) => batches.Add(b)).Returns(Task.CompletedTask);
        var outbox = Outbox();

        var first = outbox.TryQueueClaimedAsync(Claimed("a"), default);
        var others = new[] { "b", "c", "d" }.Select(id => outbox.TryQueueClaimedAsync(Claimed(id), default)).ToList();
        await Task.Delay(100);
        Assert.False(first.IsCompleted);
        Assert.All(others, o => Assert.False(o.IsCompleted));

        slow.SetResult();
        Assert.True(await first);
        Assert.All(await Task.WhenAll(others), Assert.True);
        _queue.Verify(q => q.EnqueueAsync(new NotificationMessage("call", "a"), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(["b", "c", "d"], Assert.Single(batches).NotificationIds);
    }

    [Fact]
    public async Task When_a_shared_message_cannot_be_queued_every_receipt_in_it_is_given_back_for_the_timer()
    {
        await _ledger.RecordAsync([Claimed("a"), Claimed("b"), Claimed("c")], default);
        var slow = new TaskCompletionSource();
        _queue.Setup(q => q.EnqueueAsync(It.IsAny<NotificationMessage>(), It.IsAny<CancellationToken>())).Returns(slow.Task);
        _queue.Setup(q => q.EnqueueAsync(It.IsAny<NotificationBatch>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("down"));
        var outbox = Outbox();

        var first = outbox.TryQueueClaimedAsync(Claimed("a"), default);
        var others = new[] { "b", "c" }.Select(id => outbox.TryQueueClaimedAsync(Claimed(id), default)).ToList();
        slow.SetResult();

        Assert.True(await first);
        Assert.All(await Task.WhenAll(others), Assert.False);
        Assert.Equal((NotificationStatus.Queued, NotificationStatus.Recorded, NotificationStatus.Recorded), (_ledger["a"].Status, _ledger["b"].Status, _ledger["c"].Status));
    }
}
