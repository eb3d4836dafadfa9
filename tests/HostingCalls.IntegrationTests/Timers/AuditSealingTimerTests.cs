using HostingCalls.Core.Audit;
using HostingCalls.Core.Calls;
using HostingCalls.IntegrationTests.Support;
using Microsoft.Azure.Functions.Worker;

namespace HostingCalls.IntegrationTests.Timers;

/// <summary>The sealing timer: pending entries chained, and a call transition whose entry was lost restored once.</summary>
[Collection(nameof(AzuriteCollection))]
public sealed class AuditSealingTimerTests(AzuriteFixture azurite) : IAsyncLifetime
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
}
