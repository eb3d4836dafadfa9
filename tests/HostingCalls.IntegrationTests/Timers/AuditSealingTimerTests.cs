using HostingCalls.Core.Audit;
using HostingCalls.Core.Calls;
using HostingCalls.IntegrationTests.Support;
using Microsoft.Azure.Functions.Worker;
using Xunit.Abstractions;

namespace HostingCalls.IntegrationTests.Timers;

/// <summary>The sealing timer: pending entries chained, and a call transition whose entry was lost restored once.</summary>
[Collection(nameof(AzuriteCollection))]
public sealed class AuditSealingTimerTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private LocalApp _app = null!;

    public async Task InitializeAsync() => _app = await LocalApp.StartAsync(azurite.ConnectionString);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<List<SealedAuditEntry>> ChainAsync(string callId)
    {
        var entries = new List<SealedAuditEntry>();
        await foreach (var record in _app.Service<IAuditTrail>().ReadAllAsync(callId, default))
        {
            entries.Add(AuditChain.Read(record)!);
        }

        return entries;
    }

    [Fact]
    public async Task A_transition_whose_entry_was_lost_is_restored_from_the_call_once_and_only_after_its_writer_had_time()
    {
        var created = (await _app.SendAsync(LocalRequest.Raw("POST", LocalApp.SampleCallJson()).As(LocalApp.Secretariat), r => _app.Calls.CreateCall(r, default))).Expect(201, "create");
        var calls = _app.Service<ICallStore>();
        var draft = (await calls.FindAsync(created.Id, default))!;
        // A process that opened the call and stopped before writing the entry.
        var now = _app.Clock.GetUtcNow();
        var opened = await calls.ReplaceAsync(draft.Value with { Status = CallStatus.Open, OpenedAt = now, OpenedBy = "dev-secretariat", UpdatedAt = now }, draft.ETag, default);

        await _app.AuditTimer.SealAuditTrails(new TimerInfo(), default);
        Assert.Equal([AuditAction.CallCreated], (await ChainAsync(created.Id)).Select(e => e.Entry.Action));

        _app.Clock.Advance(AuditService.RestoreAfter);
        await _app.AuditTimer.SealAuditTrails(new TimerInfo(), default);
        await _app.AuditTimer.SealAuditTrails(new TimerInfo(), default);
        // The stopped process's retry writes the entry after all: it is chained once.
        await _app.Service<AuditService>().RecordAndSealAsync([CallAudit.Opened(opened.Value)], created.Id, default);

        var chain = await ChainAsync(created.Id);
        Assert.Equal([AuditAction.CallCreated, AuditAction.CallOpened], chain.Select(e => e.Entry.Action));
        var restored = chain[1].Entry;
        Assert.Equal((now, "dev-secretariat", "Draft→Open"), (restored.At, restored.Actor.Id, restored.Details["status"]));
        Assert.Contains("restored", restored.Details.Keys);
        Assert.Empty(await _app.Service<IAuditTrail>().PendingAsync(created.Id, default));
        Assert.True((await _app.Service<AuditService>().VerifyAsync(HostingCalls.Core.Access.Caller.Secretariat("dev-secretariat"), created.Id, default)).Ok);
    }

    [Fact]
    public async Task A_run_costs_no_storage_request_for_a_call_with_nothing_to_seal_and_still_seals_a_new_change()
    {
        // An Azurite of its own, so that only these calls are in storage and only this test's requests are counted.
        await using var storage = await Azurite.StartAsync();
        await using var app = await LocalApp.StartAsync(storage.ConnectionString);
        var callIds = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            callIds.Add(i % 2 == 0
                ? await app.OpenSampleCallAsync()
                : (await app.SendAsync(LocalRequest.Raw("POST", LocalApp.SampleCallJson()).As(LocalApp.Secretariat), r => app.Calls.CreateCall(r, default))).Expect(201, "create a draft").Id);
        }

        app.Clock.Advance(AuditService.RestoreAfter + TimeSpan.FromMinutes(1));
        using var requests = new StorageRequestCount(storage.TableEndpoint);
        async Task<long> RunAsync()
        {
            var before = requests.Count;
            await app.AuditTimer.SealAuditTrails(new TimerInfo(), default);
            return requests.Count - before;
        }

        var first = await RunAsync(); // seals the drafts' creation and finds every call's transitions chained
        var idle = await RunAsync();
        var submitted = (await app.SendAsync(LocalRequest.Post(SampleOffers.Kenya()).As(Callers.Kenya), r => app.Offers.SubmitOffer(r, callIds[0], default))).Expect(201, "submit");
        var oneChange = await RunAsync();
        var idleAgain = await RunAsync();
        Figures.Print(output, "audit_sealing", ("calls", callIds.Count), ("first_run_requests", first), ("idle_run_requests", idle), ("one_change_run_requests", oneChange), ("idle_again_requests", idleAgain));

        Assert.True(idle <= 10, $"an idle run made {idle} storage requests for {callIds.Count} calls");
        Assert.Equal(idle, idleAgain);
        Assert.True(oneChange - idle <= 6, $"sealing one call's offer cost {oneChange - idle} requests more than an idle run");
        Assert.Empty(await app.Service<IAuditTrail>().PendingAsync(callIds[0], default));
        var chained = new List<SealedAuditEntry>();
        await foreach (var record in app.Service<IAuditTrail>().ReadAllAsync(callIds[0], default))
        {
            chained.Add(AuditChain.Read(record)!);
        }

        Assert.Equal(submitted.Id, chained[^1].Entry.Subject);
        foreach (var callId in callIds)
        {
            Assert.True((await app.Service<AuditService>().VerifyAsync(HostingCalls.Core.Access.Caller.Secretariat("dev-secretariat"), callId, default)).Ok, callId);
        }
    }
}
