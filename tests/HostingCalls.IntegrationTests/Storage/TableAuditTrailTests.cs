using Azure.Data.Tables;
using HostingCalls.Core.Audit;
using HostingCalls.Core.Calls;
using HostingCalls.Core.Common;
using HostingCalls.Core.Notifications;
using HostingCalls.Core.Offers;
using HostingCalls.Functions.Storage;
using HostingCalls.IntegrationTests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HostingCalls.IntegrationTests.Storage;

/// <summary>The journal written in the same transaction as the change, and sealing by several instances at once.</summary>
[Collection(nameof(AzuriteCollection))]
public sealed class TableAuditTrailTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private LocalApp _app = null!;
    private string _callId = null!;

    public async Task InitializeAsync()
    {
        _app = await LocalApp.StartAsync(azurite.ConnectionString);
        _callId = await _app.OpenSampleCallAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private TableClient Table => _app.Storage.Tables.GetTableClient(StorageNames.OffersTable);

    private async Task<List<string>> RowKeysAsync(string prefix)
    {
        var keys = new List<string>();
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == _callId, select: ["RowKey"]))
        {
            if (row.RowKey.StartsWith(prefix, StringComparison.Ordinal))
            {
                keys.Add(row.RowKey);
            }
        }

        return keys;
    }

    private Offer NewOffer(string memberState, Call call) => SampleOffers.Accepted(SampleOffers.Kenya(), call, memberState, _app.Clock.GetUtcNow(), _app.Clock);

    [Fact]
    public async Task An_offer_whose_audit_entry_cannot_be_written_is_not_written_either()
    {
        var call = (await _app.Service<ICallStore>().FindAsync(_callId, default))!.Value;
        var offer = NewOffer("KEN", call);
        var entry = AuditEntries.OfferSubmitted(offer, AuditActor.MemberState("KEN"), _app.Clock);
        await _app.Service<IAuditTrail>().AddAsync(entry, default); // the journal row is taken: the transaction must fail whole

        await Assert.ThrowsAnyAsync<Azure.RequestFailedException>(() =>
            _app.Service<IOfferStore>().AddAsync(offer, null, Notification.About(offer, NotificationKind.Receipt, offer.SubmittedAt), entry, default));

        Assert.Null(await _app.Service<IOfferStore>().FindAsync(_callId, offer.Id, default));
        Assert.Empty(await RowKeysAsync("notification|" + offer.Id));
    }

    [Fact]
    public async Task Every_accepted_change_has_its_journal_entry_and_a_refused_one_has_none()
    {
        var submitted = await _app.SendAsync(LocalRequest.Post(SampleOffers.Kenya()).As(Callers.Kenya).With("Idempotency-Key", "k-1"), r => _app.Offers.SubmitOffer(r, _callId, default));
        var retried = await _app.SendAsync(LocalRequest.Post(SampleOffers.Kenya()).As(Callers.Kenya).With("Idempotency-Key", "k-1"), r => _app.Offers.SubmitOffer(r, _callId, default));
        var revised = await _app.SendAsync(LocalRequest.Put(SampleOffers.Kenya().With("city", "Mombasa")).As(Callers.Kenya).IfMatch(submitted.ETag!), r => _app.Offers.ReviseOffer(r, _callId, submitted.Id, default));
        var stale = await _app.SendAsync(LocalRequest.Put(SampleOffers.Kenya()).As(Callers.Kenya).IfMatch(submitted.ETag!), r => _app.Offers.ReviseOffer(r, _callId, submitted.Id, default));

        Assert.Equal((201, 200, 200, 412), (submitted.Status, retried.Status, revised.Status, stale.Status));
        var pending = await _app.Service<IAuditTrail>().PendingAsync(_callId, default);
        Assert.Equal([AuditAction.OfferSubmitted, AuditAction.OfferRevised], pending.OrderBy(e => e.At).ThenBy(e => e.Action).Select(e => e.Action));
        var revision = pending.Single(e => e.Action == AuditAction.OfferRevised);
        Assert.Equal(("1→2", "Submitted→Revised", "dev-KEN"), (revision.Details["version"], revision.Details["status"], revision.Actor.Id));
    }

    [Fact]
    public async Task Sealers_on_two_instances_at_once_make_one_chain_without_gaps_or_duplicates()
    {
        await using var other = await LocalApp.StartAsync(azurite.ConnectionString);
        var call = (await _app.Service<ICallStore>().FindAsync(_callId, default))!.Value;
        var store = _app.Service<IOfferStore>();
        var states = new[] { "KEN", "FRA", "BRA", "IND", "JPN", "DEU", "CHL", "EGY" };
        async Task SubmitAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var offer = NewOffer(states[i % states.Length], call);
                await store.AddAsync(offer, null, Notification.About(offer, NotificationKind.Receipt, offer.SubmittedAt), AuditEntries.OfferSubmitted(offer, AuditActor.MemberState(offer.MemberState), _app.Clock), default);
                _app.Clock.Advance(TimeSpan.FromMilliseconds(3));
            }
        }

        await SubmitAsync(90);
        var sealers = new[] { _app.Service<AuditService>(), other.Service<AuditService>(), _app.Service<AuditService>(), other.Service<AuditService>() };
        var running = sealers.Select(s => Task.Run(() => s.SealAsync(_callId, default))).Append(SubmitAsync(30)).ToList();
        await Task.WhenAll(running);
        await other.Service<AuditService>().SealAsync(_callId, default);

        var verification = await _app.Service<AuditService>().VerifyAsync(Caller(), _callId, default);
        Assert.True(verification.Ok, verification.BrokenAt?.Reason);
        Assert.Equal(2 + 120, verification.Count); // created and opened, then every offer once
        var entries = new List<SealedAuditEntry>();
        await foreach (var record in _app.Service<IAuditTrail>().ReadAllAsync(_callId, default))
        {
            entries.Add(AuditChain.Read(record)!);
        }

        Assert.Equal(Enumerable.Range(1, 122).Select(n => (long)n), entries.Select(e => e.Sequence));
        Assert.Equal(entries.Count, entries.Select(e => e.Entry.EventId).Distinct().Count());
        Assert.Equal(120, entries.Count(e => e.Entry.Action == AuditAction.OfferSubmitted));
        Assert.Empty(await RowKeysAsync("journal|"));
    }

    private async Task SubmitAsync(string memberState)
    {
        var call = (await _app.Service<ICallStore>().FindAsync(_callId, default))!.Value;
        var offer = NewOffer(memberState, call);
        await _app.Service<IOfferStore>().AddAsync(offer, null, Notification.About(offer, NotificationKind.Receipt, offer.SubmittedAt),
            AuditEntries.OfferSubmitted(offer, AuditActor.MemberState(memberState), _app.Clock), default);
    }

    [Fact]
    public async Task Verification_reads_the_head_and_entries_again_when_a_seal_lands_between_them()
    {
        var trail = new InterceptedAuditTrail(_app.Service<IAuditTrail>());
        var verifier = new AuditService(_app.Service<ICallStore>(), trail, _app.Service<TimeProvider>(), NullLogger<AuditService>.Instance);
        // Another instance seals an offer submitted meanwhile, after the verifier read the head and before it reads the entries.
        trail.BeforeNextReadAll = async () =>
        {
            await SubmitAsync("KEN");
            await _app.Service<AuditService>().SealAsync(_callId, default);
        };

        var verification = await verifier.VerifyAsync(Caller(), _callId, default);

        Assert.Null(trail.BeforeNextReadAll); // the seal did land in between
        Assert.True(verification.Ok, verification.BrokenAt?.Reason);
        Assert.Equal((3L, 3L), (verification.Count, verification.HeadSequence)); // created, opened and the offer
    }

    [Fact]
    public async Task A_trail_whose_head_was_removed_fails_to_seal_at_once_saying_so_and_verification_names_it()
    {
        await _app.Service<AuditService>().SealAsync(_callId, default);
        var head = (await Table.GetEntityAsync<TableEntity>(_callId, "audit-head")).Value;
        await Table.DeleteEntityAsync(_callId, "audit-head");
        await SubmitAsync("KEN");
        var trail = new InterceptedAuditTrail(_app.Service<IAuditTrail>());
        var logs = new RecordedLogs<AuditService>();
        var sealer = new AuditService(_app.Service<ICallStore>(), trail, _app.Service<TimeProvider>(), logs);

        var failure = await Assert.ThrowsAsync<InvalidDataException>(() => sealer.SealAsync(_callId, default));

        Assert.Equal(1, trail.Appends); // no retry: this is not contention
        Assert.Contains("its head is missing though entries are chained", failure.Message, StringComparison.Ordinal);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(_callId, StringComparison.Ordinal) && e.Message.Contains("head is missing", StringComparison.Ordinal));
        Assert.Single(await _app.Service<IAuditTrail>().PendingAsync(_callId, default)); // nothing chained past the break
        var verification = await _app.Service<AuditService>().VerifyAsync(Caller(), _callId, default);
        Assert.False(verification.Ok);
        Assert.Equal((2L, "The chain's head is missing, so whether entries after this one were removed cannot be told."), (verification.BrokenAt!.Sequence, verification.BrokenAt.Reason));

        // Put back, the trail seals again (and other tests' timers meet no broken call).
        await Table.AddEntityAsync(head);
        Assert.Equal(3L, (await sealer.SealAsync(_callId, default))!.Sequence);
    }

    private static HostingCalls.Core.Access.Caller Caller() => HostingCalls.Core.Access.Caller.Secretariat("dev-secretariat");
}
