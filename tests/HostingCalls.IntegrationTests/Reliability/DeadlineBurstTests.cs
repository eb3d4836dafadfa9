using Azure.Data.Tables;
using HostingCalls.Core.MemberStates;
using HostingCalls.Core.Offers;
using HostingCalls.Functions.Storage;
using HostingCalls.IntegrationTests.Support;
using Xunit.Abstractions;

namespace HostingCalls.IntegrationTests.Reliability;

/// <summary>
/// A thousand submissions at once through the real submit function, each checked at a server time of its own on
/// either side of the deadline, a third of them retried with the same Idempotency-Key.
/// </summary>
[Collection(nameof(AzuriteCollection))]
[Trait("Category", "Reliability")]
public sealed class DeadlineBurstTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Submissions = 1000;
    private static readonly DateTimeOffset Deadline = DateTimeOffset.Parse("2023-10-31T23:59:59+03:00");
    private static readonly string[] Meetings = ["EGM-1", "EGM-2", "EGM-3", "RC-1", "RC-2"];
    private static readonly string[] States = [.. MemberStateDirectory.All.Select(s => s.Code).Order(StringComparer.Ordinal)];
    private LocalApp _app = null!;
    private string _callId = null!;

    public async Task InitializeAsync()
    {
        _app = await LocalApp.StartAsync(azurite.ConnectionString);
        _callId = await _app.OpenSampleCallAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Request i: its server time, a quarter each exactly at, before, one tick after and well after the deadline.</summary>
    private static DateTimeOffset TimeOf(int i) => (i % 4) switch
    {
        0 => Deadline,
        1 => Deadline - TimeSpan.FromMilliseconds(1 + i * 7 % 5000),
        2 => Deadline + TimeSpan.FromTicks(1),
        _ => Deadline + TimeSpan.FromMilliseconds(1 + i * 7 % 5000),
    };

    private static bool InTime(int i) => TimeOf(i) <= Deadline;

    private Task<LocalResponse> Submit(int i, DateTimeOffset at) => Task.Run(async () =>
    {
        var request = LocalRequest.Post(SampleOffers.Kenya(Meetings[i % Meetings.Length]).With("city", $"City {i}"))
            .As($"member-state {States[i % States.Length]}")
            .With("Idempotency-Key", $"burst-{i}");
        using (_app.RequestClock.At(at))
        {
            return await _app.SendAsync(request, r => _app.Offers.SubmitOffer(r, _callId, default));
        }
    });

    [Fact]
    public async Task Every_submission_at_or_before_the_deadline_is_stored_once_and_every_later_one_is_refused()
    {
        var retried = Enumerable.Range(0, Submissions).Where(i => i % 3 == 0).ToList();

        // The burst: every original at once, with the retries racing them (an in-time retry at its original's time).
        var originals = Enumerable.Range(0, Submissions).Select(i => Submit(i, TimeOf(i))).ToList();
        var racing = retried.Select(i => Submit(i, InTime(i) ? TimeOf(i) : TimeOf(i) + TimeSpan.FromSeconds(1))).ToList();
        var first = await Task.WhenAll(originals);
        var second = await Task.WhenAll(racing);
        // Retries that come after the deadline: an offer accepted in time is returned again, a late one refused again.
        var late = await Task.WhenAll(retried.Select(i => Submit(i, Deadline + TimeSpan.FromMinutes(1))));

        var byRequest = Enumerable.Range(0, Submissions).ToDictionary(i => i, i => new List<LocalResponse> { first[i] });
        for (var r = 0; r < retried.Count; r++)
        {
            byRequest[retried[r]].Add(second[r]);
            byRequest[retried[r]].Add(late[r]);
        }

        var stored = await StoredOffersAsync();
        var storedCities = stored.Values.GroupBy(o => o.Details.City).ToDictionary(g => g.Key, g => g.Count());
        foreach (var (i, responses) in byRequest)
        {
            if (InTime(i))
            {
                Assert.True(responses.All(r => r.Status is 200 or 201), $"request {i} at {TimeOf(i):O}: {string.Join(" | ", responses)}");
                Assert.Single(responses, r => r.Status == 201);
                Assert.Single(responses.Select(r => r.Id).Distinct());
                Assert.Equal(1, storedCities.GetValueOrDefault($"City {i}"));
            }
            else
            {
                Assert.All(responses, AssertDeadlineRefusal);
                Assert.False(storedCities.ContainsKey($"City {i}"), $"request {i} after the deadline was stored");
            }
        }

        var receipts = await ReceiptOffersAsync();
        Assert.All(stored.Keys, offerId => Assert.Contains(offerId, receipts));

        var all = byRequest.Values.SelectMany(r => r).ToList();
        var inTime = byRequest.Keys.Count(InTime);
        var duplicates = stored.Count - storedCities.Count + storedCities.Values.Sum(c => c - 1);
        Figures.Print(output, "deadline_burst",
            ("requests", all.Count), ("in_time", inTime), ("late", Submissions - inTime), ("accepted", all.Count(r => r.Status == 201)),
            ("replayed", all.Count(r => r.Status == 200)), ("refused", all.Count(r => r.Status == 409)), ("stored", stored.Count),
            ("duplicates", duplicates), ("lost", inTime - storedCities.Count), ("other", all.Count(r => r.Status is not (200 or 201 or 409))));
        Assert.Equal(inTime, stored.Count);
        Assert.Equal(0, duplicates);
    }

    private static void AssertDeadlineRefusal(LocalResponse response)
    {
        Assert.Equal(409, response.Status);
        Assert.StartsWith("application/problem+json", response.ContentType, StringComparison.Ordinal);
        Assert.Equal("The deadline has passed.", response.Json.GetProperty("title").GetString());
        Assert.Contains("2023-10-31 23:59 Africa/Nairobi (UTC+03:00), that is 2023-10-31 20:59 UTC", response.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(Deadline, response.Json.GetProperty("deadline").GetDateTimeOffset());
    }

    private async Task<Dictionary<string, Offer>> StoredOffersAsync() =>
        (await _app.Service<IOfferStore>().ListAsync(_callId, null, default)).ToDictionary(o => o.Value.Id, o => o.Value);

    private async Task<HashSet<string>> ReceiptOffersAsync()
    {
        var table = _app.Storage.Tables.GetTableClient(StorageNames.OffersTable);
        var offers = new HashSet<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == _callId))
        {
            if (row.RowKey.StartsWith("notification|", StringComparison.Ordinal) && row.RowKey.Contains("-receipt-", StringComparison.Ordinal))
            {
                offers.Add(row.GetString("OfferId"));
            }
        }

        return offers;
    }
}
