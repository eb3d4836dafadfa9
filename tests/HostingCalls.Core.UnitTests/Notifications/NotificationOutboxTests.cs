using HostingCalls.Core.Notifications;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace HostingCalls.Core.UnitTests.Notifications;

public class NotificationOutboxTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2023-10-01T10:00:00Z"));
    private readonly Mock<INotificationQueue> _queue = new();
    private readonly Mock<INotificationLedger> _ledger = new();

    private NotificationOutbox Outbox() => new(_queue.Object, _ledger.Object, _clock, NullLogger<NotificationOutbox>.Instance);

    private static Notification Recorded(string id) =>
        new(id, "call", "offer", NotificationKind.Receipt, NotificationStatus.Recorded, DateTimeOffset.Parse("2023-10-01T09:00:00Z"), null);

    [Fact]
    public async Task The_timer_queues_what_was_recorded_before_the_settle_time_and_marks_it_queued()
    {
        var waiting = new[] { Recorded("a"), Recorded("b") };
        _ledger.Setup(l => l.ListRecordedAsync(_clock.GetUtcNow() - NotificationOutbox.Settle, It.IsAny<CancellationToken>())).ReturnsAsync(waiting);

        var count = await Outbox().QueueRecordedAsync(default);

        Assert.Equal(2, count);
        _queue.Verify(q => q.EnqueueAsync(new NotificationMessage("call", "a"), It.IsAny<CancellationToken>()), Times.Once);
        _queue.Verify(q => q.EnqueueAsync(new NotificationMessage("call", "b"), It.IsAny<CancellationToken>()), Times.Once);
        _ledger.Verify(l => l.MarkQueuedAsync(It.IsAny<Notification>(), _clock.GetUtcNow(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task A_failing_timer_run_throws_so_the_next_tick_retries()
    {
        _ledger.Setup(l => l.ListRecordedAsync(It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync([Recorded("a")]);
        _queue.Setup(q => q.EnqueueAsync(It.IsAny<NotificationMessage>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("down"));

        await Assert.ThrowsAsync<IOException>(() => Outbox().QueueRecordedAsync(default));
        Assert.False(await Outbox().TryQueueAsync(Recorded("a"), default));
        _ledger.Verify(l => l.MarkQueuedAsync(It.IsAny<Notification>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
