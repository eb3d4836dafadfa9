using Azure.Data.Tables;
using HostingCalls.Core.Audit;
using HostingCalls.Core.Calls;
using HostingCalls.Core.Common;
using HostingCalls.Core.Notifications;
using HostingCalls.Core.Offers;
using HostingCalls.Functions.Storage;
using HostingCalls.IntegrationTests.Support;

namespace HostingCalls.IntegrationTests.Storage;

/// <summary>Offers submitted to one call at the same moment share transactions, and each is still answered and stored on its own.</summary>
public sealed class IntakeTransactionsTests
{
    private static readonly string[] States = ["KEN", "FRA", "DEU", "BRA", "IND", "JPN", "EGY", "MEX"];

    private static async Task<LocalResponse[]> SubmitAtOnceAsync(LocalApp app, string callId, int count, Func<int, string> key) =>
        await Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(() =>
            app.SendAsync(LocalRequest.Post(SampleOffers.Kenya()).As($"member-state {States[i % States.Length]}").With("Idempotency-Key", key(i)), r => app.Offers.SubmitOffer(r, callId, default)))));

    private static async Task<List<TableEntity>> RowsAsync(LocalApp app, string callId, string prefix)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in app.Storage.Tables.GetTableClient(StorageNames.OffersTable).QueryAsync<TableEntity>(e => e.PartitionKey == callId))
        {
            if (row.RowKey.StartsWith(prefix, StringComparison.Ordinal))
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    [Fact]
    public async Task Forty_offers_at_once_take_a_few_transactions_and_each_gets_its_own_answer_and_whole_rows()
    {
        // An Azurite of its own, so that only this test's transactions are counted.
        await using var storage = await Azurite.StartAsync();
        await using var app = await LocalApp.StartAsync(storage.ConnectionString);
        var callId = await app.OpenSampleCallAsync();
        await SubmitAtOnceAsync(app, await app.OpenSampleCallAsync(), 3, i => $"warm-up-{i}"); // compiled and connected first, so that the burst is one
        using var transactions = new StorageRequestCount(storage.TableEndpoint + "/$batch");

        var answers = await SubmitAtOnceAsync(app, callId, 40, i => $"burst-{i}");

        Assert.All(answers, a => Assert.Equal(201, a.Status));
        Assert.True(transactions.Count < 40, $"{transactions.Count} transactions for 40 offers: none shared one");
        var offers = await RowsAsync(app, callId, "offer|");
        Assert.Equal(40, offers.Count);
        Assert.Equal(answers.Select(a => a.Json.GetProperty("id").GetString()).Order(), offers.Select(o => o.RowKey["offer|".Length..]).Order());
        foreach (var answer in answers)
        {
            // Each answer's ETag is its own offer's: a revision with it is accepted.
            var offer = offers.Single(o => o.RowKey == "offer|" + answer.Json.GetProperty("id").GetString());
            Assert.Equal(offer.ETag.ToString(), answer.ETag);
        }

        Assert.Equal(40, (await RowsAsync(app, callId, "key|")).Count);
        Assert.Equal(40, (await RowsAsync(app, callId, "notification|")).Count);
        Assert.Equal(40, (await RowsAsync(app, callId, "journal|")).Count);
    }

    [Fact]
    public async Task A_retry_among_new_offers_is_answered_as_the_first_and_does_not_stop_the_others()
    {
        await using var storage = await Azurite.StartAsync();
        await using var app = await LocalApp.StartAsync(storage.ConnectionString);
        var callId = await app.OpenSampleCallAsync();
        var first = (await app.SendAsync(LocalRequest.Post(SampleOffers.Kenya()).As("member-state KEN").With("Idempotency-Key", "taken"), r => app.Offers.SubmitOffer(r, callId, default))).Expect(201, "first");

        // Kenya's three (0, 8, 16) retry the key it already used; the others are new and travel with them.
        var answers = await SubmitAtOnceAsync(app, callId, 24, i => i % States.Length == 0 ? "taken" : $"new-{i}");

        var retries = answers.Where((_, i) => i % States.Length == 0).ToList();
        Assert.All(retries, r => Assert.Equal((200, first.Json.GetProperty("id").GetString()), (r.Status, r.Json.GetProperty("id").GetString())));
        Assert.All(answers.Where((_, i) => i % States.Length != 0), a => Assert.Equal(201, a.Status));
        Assert.Equal(22, (await RowsAsync(app, callId, "offer|")).Count);
        Assert.Equal(22, (await app.Service<IOfferStore>().ListAsync(callId, null, default)).Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_offer_written_again_after_its_answer_was_lost_is_found_as_written_not_refused(bool withKey)
    {
        await using var storage = await Azurite.StartAsync();
        await using var app = await LocalApp.StartAsync(storage.ConnectionString);
        var callId = await app.OpenSampleCallAsync();
        var call = (await app.Service<ICallStore>().FindAsync(callId, default))!.Value;
        var now = app.Clock.GetUtcNow();
        var offer = SampleOffers.Accepted(SampleOffers.Kenya(), call, "KEN", now, app.Clock);
        var key = withKey ? new IdempotencyKey("KEN", Ids.Hash("lost-answer"), "request-hash", offer.Id) : null;
        var receipt = Notification.About(offer, NotificationKind.Receipt, now) with { Status = NotificationStatus.Queued, QueuedAt = now };
        var store = app.Service<IOfferStore>();
        var first = await store.AddAsync(offer, key, receipt, AuditEntries.OfferSubmitted(offer, AuditActor.MemberState("KEN"), app.Clock), default);

        // What the SDK's retry does when the first answer is lost: the same rows again.
        var again = await store.AddAsync(offer, key, receipt, AuditEntries.OfferSubmitted(offer, AuditActor.MemberState("KEN"), app.Clock), default);

        Assert.Equal(first!.ETag, again!.ETag);
        Assert.Equal(offer.Id, again.Value.Id);
        Assert.Single(await RowsAsync(app, callId, "offer|"));
    }
}
