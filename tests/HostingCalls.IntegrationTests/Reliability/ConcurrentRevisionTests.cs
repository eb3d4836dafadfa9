using HostingCalls.Core.Offers;
using HostingCalls.IntegrationTests.Support;
using Xunit.Abstractions;

namespace HostingCalls.IntegrationTests.Reliability;

/// <summary>A hundred revisions of one offer at once, all made from the same ETag.</summary>
[Collection(nameof(AzuriteCollection))]
[Trait("Category", "Reliability")]
public sealed class ConcurrentRevisionTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Revisions = 100;
    private LocalApp _app = null!;
    private string _callId = null!;

    public async Task InitializeAsync()
    {
        _app = await LocalApp.StartAsync(azurite.ConnectionString);
        _callId = await _app.OpenSampleCallAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Exactly_one_wins_the_others_get_412_and_the_stored_offer_is_the_winners()
    {
        var submitted = await _app.SendAsync(LocalRequest.Post(SampleOffers.Kenya()).As(Callers.Kenya), r => _app.Offers.SubmitOffer(r, _callId, default));
        submitted.Expect(201, "submit");

        var revisions = await Task.WhenAll(Enumerable.Range(0, Revisions).Select(i => Task.Run(() =>
            _app.SendAsync(LocalRequest.Put(SampleOffers.Kenya().With("city", $"City {i}")).As(Callers.Kenya).IfMatch(submitted.ETag!),
                r => _app.Offers.ReviseOffer(r, _callId, submitted.Id, default)))));

        var winners = revisions.Where(r => r.Status == 200).ToList();
        var stale = revisions.Where(r => r.Status == 412).ToList();
        var stored = (await _app.Service<IOfferStore>().FindAsync(_callId, submitted.Id, default))!;
        var ledger = await _app.Service<HostingCalls.Core.Notifications.INotificationLedger>().ListAsync(_callId, default);
        var revisionReceipts = ledger.Count(n => n.Value.OfferId == submitted.Id && n.Value.Kind == HostingCalls.Core.Notifications.NotificationKind.Revision);
        Figures.Print(output, "concurrent_revisions", ("revisions", Revisions), ("won", winners.Count), ("precondition_failed", stale.Count),
            ("other", Revisions - winners.Count - stale.Count), ("stored_version", stored.Value.Version), ("revision_receipts", revisionReceipts));

        var winner = Assert.Single(winners);
        Assert.Equal(Revisions - 1, stale.Count);
        Assert.All(stale, r =>
        {
            Assert.StartsWith("application/problem+json", r.ContentType, StringComparison.Ordinal);
            Assert.Equal(412, r.Json.GetProperty("status").GetInt32());
        });
        Assert.Equal(winner.Json.GetProperty("city").GetString(), stored.Value.Details.City);
        Assert.Equal((2, winner.ETag), (stored.Value.Version, stored.ETag));
        Assert.Equal(1, revisionReceipts);
    }
}
