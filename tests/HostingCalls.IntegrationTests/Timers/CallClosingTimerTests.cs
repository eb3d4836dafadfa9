using Azure.Storage.Blobs;
using HostingCalls.Core.Calls;
using HostingCalls.Core.Common;
using HostingCalls.Core.Notifications;
using HostingCalls.Core.Offers;
using HostingCalls.Core.Judging;
using HostingCalls.Functions.Storage;
using HostingCalls.IntegrationTests.Support;
using Microsoft.Azure.Functions.Worker;
using Xunit.Abstractions;

namespace HostingCalls.IntegrationTests.Timers;

[Collection(nameof(AzuriteCollection))]
public sealed class CallClosingTimerTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly DateTimeOffset Deadline = DateTimeOffset.Parse("2023-10-31T23:59:59+03:00");
    private LocalApp _app = null!;
    private string _callId = null!;

    public async Task InitializeAsync()
    {
        _app = await LocalApp.StartAsync(azurite.ConnectionString);
        _callId = await _app.OpenSampleCallAsync();
        await _app.SubmitWithLetterAsync(_callId, Callers.Kenya, SampleOffers.Kenya());
        await _app.SubmitWithLetterAsync(_callId, Callers.France, SampleOffers.Kenya().With("city", "Paris"));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<Call> CallAsync() => StoredCallAsync().ContinueWith(t => t.Result.Value, TaskScheduler.Default);

    private async Task<HostingCalls.Core.Common.Stored<Call>> StoredCallAsync() =>
        (await _app.Service<ICallStore>().FindAsync(_callId, default))!;

    private Task RunTimer(bool pastDue = false) =>
        _app.ClosingTimer.CloseAndRankCalls(new TimerInfo { IsPastDue = pastDue }, default);

    [Fact]
    public async Task The_call_stays_open_through_its_deadline_and_is_closed_and_ranked_once_after_it()
    {
        _app.Clock.SetUtcNow(Deadline);
        await RunTimer();
        Assert.Equal(CallStatus.Open, (await CallAsync()).Status);

        // The last offer accepted at the deadline itself may still be committing: the call waits its settle time.
        _app.Clock.SetUtcNow(Deadline + RankingService.SettleTime - TimeSpan.FromSeconds(1));
        await RunTimer();
        Assert.Equal(CallStatus.Open, (await CallAsync()).Status);

        _app.Clock.SetUtcNow(Deadline + RankingService.SettleTime);
        await RunTimer();
        var call = await CallAsync();
        Assert.Equal(CallStatus.Ranked, call.Status);
        Assert.Equal(Deadline + RankingService.SettleTime, call.ClosedAt);
        Assert.Equal(1, call.Ranking!.Version);

        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        await RunTimer();
        await RunTimer(pastDue: true);
        Assert.Equal(1, (await CallAsync()).Ranking!.Version);
        Assert.Equal([$"{_callId}/000001.json"], await _app.RankingSnapshotsAsync(_callId));
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task Two_instances_at_once_then_two_runs_in_a_row_close_it_once_and_store_one_ranking()
    {
        await using var other = await LocalApp.StartAsync(azurite.ConnectionString);
        _app.Clock.SetUtcNow(LocalApp.AfterTheDeadline);
        other.Clock.SetUtcNow(LocalApp.AfterTheDeadline);
        var queuedBefore = (await _app.NotificationsQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount;

        var runs = await Task.WhenAll(
            _app.Service<RankingService>().CloseAndRankDueCallsAsync(default),
            other.Service<RankingService>().CloseAndRankDueCallsAsync(default),
            _app.Service<RankingService>().CloseAndRankDueCallsAsync(default));
        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        var inARow = new[] { await _app.Service<RankingService>().CloseAndRankDueCallsAsync(default), await _app.Service<RankingService>().CloseAndRankDueCallsAsync(default) };

        var call = await CallAsync();
        var snapshots = await _app.RankingSnapshotsAsync(_callId);
        var closes = runs.Concat(inARow).Count(r => r.Closed.Contains(_callId));
        var queued = (await _app.NotificationsQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount - queuedBefore;
        Figures.Print(output, "close_and_rank", ("runs_at_once", runs.Length), ("runs_in_a_row", inARow.Length), ("closes", closes),
            ("snapshots", snapshots.Count), ("ranking_version", call.Ranking!.Version), ("failed", runs.Concat(inARow).Count(r => r.Failed.Contains(_callId))),
            ("messages_queued", queued));
        Assert.Equal(1, closes);
        Assert.All(runs.Concat(inARow), r => Assert.DoesNotContain(_callId, r.Failed));
        Assert.Equal((CallStatus.Ranked, 1), (call.Status, call.Ranking!.Version));
        Assert.Equal([$"{_callId}/000001.json"], snapshots);
        Assert.Equal(0, queued);
    }

    [Fact]
    public async Task A_run_that_stopped_after_storing_the_snapshot_is_finished_by_the_next_one_without_a_second_snapshot()
    {
        // As if an instance closed the call, stored ranking 1 and stopped before pointing the call at it.
        _app.Clock.SetUtcNow(LocalApp.AfterTheDeadline);
        var open = await StoredCallAsync();
        await _app.Service<ICallStore>().ReplaceAsync(open.Value with { Status = CallStatus.Closed, ClosedAt = LocalApp.AfterTheDeadline }, open.ETag, default);
        var orphan = Judge.Rank(open.Value, [], new Dictionary<string, ReviewTally>(), open.Value.Weights, open.Value.Rules,
            new RankingStamp(1, LocalApp.AfterTheDeadline, RankingReason.Closed, 0));
        Assert.True(await _app.Service<IRankingStore>().AddAsync(orphan, default));

        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        await RunTimer();

        var call = await CallAsync();
        Assert.Equal((CallStatus.Ranked, 1, LocalApp.AfterTheDeadline), (call.Status, call.Ranking!.Version, call.Ranking.ComputedAt));
        Assert.Equal([$"{_callId}/000001.json"], await _app.RankingSnapshotsAsync(_callId));
    }

    [Fact]
    public async Task An_offer_checked_in_time_but_committed_after_the_ranking_is_ranked_by_the_next_run()
    {
        await _app.CloseSampleCallsAsync();
        var call = await CallAsync();

        // A request that passed the deadline check at 23:59:59 and whose write landed only now.
        var late = SampleOffers.Accepted(
            SampleOffers.Kenya("EGM-3").With("proposedDates", new Dictionary<string, object?> { ["start"] = "2025-03-10", ["end"] = "2025-03-12" }), call, "BRA", Deadline, _app.Clock);
        await _app.Service<IOfferStore>().AddAsync(late, null, Notification.About(late, NotificationKind.Receipt, Deadline), HostingCalls.Core.Audit.AuditEntries.OfferSubmitted(late, HostingCalls.Core.Audit.AuditActor.MemberState("BRA"), _app.Clock), default);

        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        await RunTimer();
        await RunTimer();

        var ranked = await CallAsync();
        Assert.Equal((2, 3), (ranked.Ranking!.Version, ranked.Ranking.OfferCount));
        var ranking = (await _app.Service<IRankingStore>().FindAsync(_callId, 2, default))!;
        Assert.Equal(RankingReason.LateOffer, ranking.Reason);
        Assert.Contains(ranking.Meetings.Single(m => m.MeetingId == "EGM-3").Ineligible, o => o.OfferId == late.Id); // no letter: judged, and ineligible
    }

    [Fact]
    public async Task After_closing_no_offer_is_accepted_and_the_offers_show_as_closed()
    {
        await _app.CloseSampleCallsAsync();

        var late = await _app.SendAsync(LocalRequest.Post(SampleOffers.Kenya()).As(Callers.Brazil), r => _app.Offers.SubmitOffer(r, _callId, default));
        var own = await _app.SendAsync(LocalRequest.Get().As(Callers.Kenya), r => _app.Offers.ListOffers(r, _callId, default));

        Assert.Equal(409, late.Status);
        Assert.Equal("Closed", Assert.Single(own.Json.EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_failing_snapshot_store_leaves_the_call_closed_and_the_next_run_ranks_it()
    {
        var container = _app.Storage.Blobs.GetBlobContainerClient(StorageNames.RankingsContainer);
        await container.DeleteAsync();
        try
        {
            _app.Clock.SetUtcNow(LocalApp.AfterTheDeadline);
            await Assert.ThrowsAsync<InvalidOperationException>(() => RunTimer());
            Assert.Equal(CallStatus.Closed, (await CallAsync()).Status);
        }
        finally
        {
            await CreateAgainAsync(container);
        }

        await RunTimer();
        Assert.Equal((CallStatus.Ranked, 1), ((await CallAsync()).Status, (await CallAsync()).Ranking!.Version));
    }

    /// <summary>Azurite may refuse to re-create a container for a moment after deleting it.</summary>
    private static async Task CreateAgainAsync(BlobContainerClient container)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await container.CreateIfNotExistsAsync();
                return;
            }
            catch (Azure.RequestFailedException) when (attempt < 20)
            {
                await Task.Delay(100);
            }
        }
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task A_call_whose_dates_cannot_be_computed_fails_alone_and_every_other_call_is_closed_and_ranked()
    {
        var healthy = new[] { _callId, await _app.OpenSampleCallAsync() };
        var sample = await CallAsync();
        // Stored past every rule (as an older version or a hand edit could leave it): deadline + settle time overflows.
        var poisoned = (await _app.Service<ICallStore>().AddAsync(
            sample with { Id = Guid.NewGuid().ToString("N"), Deadline = DateTimeOffset.Parse("9999-12-31T23:59:00Z"), GracePeriod = TimeSpan.Zero },
            default)).Value;
        try
        {
            _app.Clock.SetUtcNow(LocalApp.AfterTheDeadline);
            var run = await _app.Service<RankingService>().CloseAndRankDueCallsAsync(default);
            await Assert.ThrowsAsync<InvalidOperationException>(() => RunTimer());

            Assert.Equal([poisoned.Id], run.Failed);
            var closedOthers = 0;
            foreach (var id in healthy)
            {
                var call = (await _app.Service<ICallStore>().FindAsync(id, default))!.Value;
                Assert.Equal(CallStatus.Ranked, call.Status);
                closedOthers++;
            }

            output.WriteLine($"figures timer_isolation: calls={healthy.Length + 1} poisoned=1 closed_others={closedOthers}");
        }
        finally
        {
            // The Azurite of this collection is shared: leave no open call that would fail the other tests' timer runs.
            var stored = (await _app.Service<ICallStore>().FindAsync(poisoned.Id, default))!;
            await _app.Service<ICallStore>().ReplaceAsync(stored.Value with { Status = CallStatus.Draft, Deadline = sample.Deadline, GracePeriod = TimeSpan.Zero }, stored.ETag, default);
        }
    }
}
