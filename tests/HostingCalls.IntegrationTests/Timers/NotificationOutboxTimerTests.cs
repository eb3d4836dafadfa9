using Azure.Data.Tables;
using HostingCalls.Functions.Storage;
using HostingCalls.IntegrationTests.Support;

namespace HostingCalls.IntegrationTests.Timers;

[Collection(nameof(AzuriteCollection))]
public sealed class NotificationOutboxTimerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private LocalApp _app = null!;

    public async Task InitializeAsync() => _app = await LocalApp.StartAsync(azurite.ConnectionString);

    public async Task DisposeAsync()
    {
        await _app.NotificationsQueue.CreateIfNotExistsAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_receipt_that_could_not_be_queued_waits_in_the_ledger_and_the_timer_queues_it_once()
    {
        var callId = await _app.OpenSampleCallAsync();
        await _app.NotificationsQueue.DeleteAsync();

        var submitted = await _app.SendAsync(LocalRequest.Post(SampleOffers.Kenya()).As(Callers.Kenya), r => _app.Offers.SubmitOffer(r, callId, default));
        var ledger = _app.Storage.Tables.GetTableClient(StorageNames.OffersTable);
        var rowKey = $"notification|{submitted.Id}-receipt-1";

        Assert.Equal(201, submitted.Status);
        Assert.Equal("Recorded", (await ledger.GetEntityAsync<TableEntity>(callId, rowKey)).Value.GetString("Status"));

        await _app.NotificationsQueue.CreateAsync();
        await _app.OutboxTimer.QueueRecordedNotifications(new Microsoft.Azure.Functions.Worker.TimerInfo(), default);
        Assert.Empty(await _app.QueuedNotificationsAsync());

        _app.Clock.Advance(TimeSpan.FromMinutes(3));
        await _app.OutboxTimer.QueueRecordedNotifications(new Microsoft.Azure.Functions.Worker.TimerInfo(), default);
        await _app.OutboxTimer.QueueRecordedNotifications(new Microsoft.Azure.Functions.Worker.TimerInfo(), default);

        var queued = Assert.Single(await _app.QueuedNotificationsAsync(), m => m.CallId == callId);
        Assert.Equal($"{submitted.Id}-receipt-1", queued.NotificationId);
        Assert.Equal("Queued", (await ledger.GetEntityAsync<TableEntity>(callId, rowKey)).Value.GetString("Status"));
    }
}
