using HostingCalls.Core.Common;
using HostingCalls.Core.Notifications;
using HostingCalls.IntegrationTests.Support;

namespace HostingCalls.IntegrationTests.Storage;

/// <summary>Moves of ledger rows on Azurite: what is read back is exactly the new value, whatever the move sets or clears.</summary>
[Collection(nameof(AzuriteCollection))]
public sealed class TableNotificationLedgerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Recorded = DateTimeOffset.Parse("2023-11-30T06:00:00Z");
    private LocalApp _app = null!;
    private INotificationLedger _ledger = null!;

    public async Task InitializeAsync()
    {
        _app = await LocalApp.StartAsync(azurite.ConnectionString);
        _ledger = _app.Service<INotificationLedger>();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<IReadOnlyList<Stored<Notification>>> RecordAsync(int count)
    {
        var callId = Ids.New(_app.Clock);
        var notifications = Enumerable.Range(0, count)
            .Select(i => new Notification($"{callId[..24]}{i:D8}", callId, null, NotificationKind.Selected, NotificationStatus.Queued, Recorded, Recorded))
            .ToList();
        return (await _ledger.TryRecordAllAsync(notifications, default))!;
    }

    [Fact]
    public async Task A_full_batch_is_taken_and_settled_and_each_row_reads_back_as_moved()
    {
        var recorded = await RecordAsync(NotificationBatch.MaxSize);
        var sending = recorded.Select(r => new NotificationMove(r, r.Value with { Status = NotificationStatus.Sending, Attempts = 1 })).ToList();

        var taken = await _ledger.MoveUnchangedAsync(sending, default);
        var sent = taken.Select(t => new NotificationMove(t, t.Value with { Status = NotificationStatus.Sent, MessageId = "sg-1", SentAt = Recorded.AddMinutes(1) })).ToList();
        var settled = await _ledger.MoveUnchangedAsync(sent, default, [.. sent.Select(_ => (Core.Audit.AuditEntry?)null)]);

        Assert.Equal(NotificationBatch.MaxSize, settled.Count);
        var read = await _ledger.FindAllAsync(recorded[0].Value.CallId, [.. recorded.Select(r => r.Value.Id)], default);
        Assert.Equal(sent.Select(s => s.To).OrderBy(n => n.Id), read.Select(r => r.Value).OrderBy(n => n.Id));
        Assert.Equal(settled.Select(s => s.ETag).Order(), read.Select(r => r.ETag).Order());
    }

    [Fact]
    public async Task A_move_that_clears_a_value_leaves_no_trace_of_it()
    {
        var recorded = (await RecordAsync(1))[0];
        var failed = (await _ledger.MoveUnchangedAsync([new(recorded, recorded.Value with { Status = NotificationStatus.Sending, Attempts = 1, LastError = "503 from SendGrid" })], default))[0];
        var retried = recorded.Value with { Status = NotificationStatus.Sent, Attempts = 2, MessageId = "sg-2", SentAt = Recorded.AddMinutes(5), LastError = null, QueuedAt = null };

        await _ledger.MoveUnchangedAsync([new(failed, retried)], default);

        Assert.Equal(retried, (await _ledger.FindAsync(recorded.Value.CallId, recorded.Value.Id, default))!.Value);
    }

    [Fact]
    public async Task A_move_from_a_stale_read_changes_nothing()
    {
        var recorded = (await RecordAsync(2))[0];
        var first = await _ledger.MoveUnchangedAsync([new(recorded, recorded.Value with { Status = NotificationStatus.Sending, Attempts = 1 })], default);

        var second = await _ledger.MoveUnchangedAsync([new(recorded, recorded.Value with { Status = NotificationStatus.Failed, LastError = "late" })], default);

        Assert.Single(first);
        Assert.Empty(second);
        Assert.Equal(NotificationStatus.Sending, (await _ledger.FindAsync(recorded.Value.CallId, recorded.Value.Id, default))!.Value.Status);
    }
}
