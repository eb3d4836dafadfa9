using System.Diagnostics;
using Azure.Data.Tables;
using HostingCalls.Core.Audit;
using HostingCalls.Functions.Storage;
using HostingCalls.IntegrationTests.Support;
using Xunit.Abstractions;

namespace HostingCalls.IntegrationTests.Reliability;

/// <summary>
/// Storage goes away in the middle of a submission burst and comes back: on an Azurite of its own, kept on disk so it
/// can be stopped and started again on the same ports (in the shared collection only so as not to run beside others).
/// </summary>
[Collection(nameof(AzuriteCollection))]
[Trait("Category", "Reliability")]
public sealed class StorageFaultTests(ITestOutputHelper output)
{
    private const int Submissions = 200;
    private const int StopAfter = 30;
    private static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task Every_submission_either_is_stored_whole_or_gets_a_503_to_retry_and_the_retries_succeed()
    {
        await using var azurite = await Azurite.StartAsync(onDisk: true);
        await using var app = await LocalApp.StartAsync(azurite.ConnectionString);
        var callId = await app.OpenSampleCallAsync();

        Task<LocalResponse> Submit(int i) => app.SendAsync(
            LocalRequest.Post(SampleOffers.Kenya().With("city", $"City {i}")).As(Callers.Kenya).With("Idempotency-Key", $"fault-{i}"),
            r => app.Offers.SubmitOffer(r, callId, default));

        // Spread over 20 s so that the burst outlasts Azurite's graceful stop (it serves open connections a while).
        var completed = 0;
        var stopNow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var burst = Enumerable.Range(0, Submissions).Select(i => Task.Run(async () =>
        {
            await Task.Delay(Spacing * i);
            try
            {
                return await Submit(i);
            }
            finally
            {
                if (Interlocked.Increment(ref completed) == StopAfter)
                {
                    stopNow.TrySetResult();
                }
            }
        })).ToList();

        await stopNow.Task;
        await azurite.StopAsync();
        var down = Stopwatch.StartNew();
        await Task.Delay(Outage);
        await azurite.RestartAsync();
        down.Stop();
        var first = await Task.WhenAll(burst);

        // Each answer is a success, or a 503 problem document saying to retry; never a bare or unexpected 500.
        var failed = Enumerable.Range(0, Submissions).Where(i => first[i].Status != 201).ToList();
        Assert.All(failed, i =>
        {
            Assert.Equal(503, first[i].Status);
            Assert.StartsWith("application/problem+json", first[i].ContentType, StringComparison.Ordinal);
            Assert.Contains("Retry", first[i].Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        });
        var afterBurst = await StoredAsync(app, callId);
        Assert.All(Enumerable.Range(0, Submissions).Where(i => first[i].Status == 201), i => Assert.Contains($"City {i}", afterBurst.Cities.Keys));

        // The failed ones again, with the same keys: each now succeeds, new (201) or found stored after all (200).
        var retries = await Task.WhenAll(failed.Select(i => Task.Run(() => Submit(i))));
        var stored = await StoredAsync(app, callId);
        Figures.Print(output, "storage_outage", ("requests", Submissions), ("outage_ms", (long)down.Elapsed.TotalMilliseconds), ("succeeded", Submissions - failed.Count),
            ("failed_503", failed.Count), ("failed_other", failed.Count(i => first[i].Status != 503)), ("stored_after_burst", afterBurst.Offers),
            ("half_written", afterBurst.HalfWritten), ("retried_201", retries.Count(r => r.Status == 201)), ("retried_200", retries.Count(r => r.Status == 200)),
            ("retried_failed", retries.Count(r => r.Status is not (200 or 201))), ("stored", stored.Offers), ("duplicates", stored.Offers - stored.Cities.Count), ("half_written_after", stored.HalfWritten));

        Assert.All(retries, r => Assert.Contains(r.Status, new[] { 200, 201 }));
        Assert.Equal(0, afterBurst.HalfWritten);
        Assert.Equal(0, stored.HalfWritten);
        Assert.Equal(Submissions, stored.Offers);
        Assert.Equal(Submissions, stored.Cities.Count);
        Assert.True(failed.Count > 0, "the outage should have failed some requests; the test did not test anything");
    }

    private sealed record Stored(int Offers, Dictionary<string, int> Cities, int HalfWritten);

    /// <summary>The call's offers by city, and how many offers lack their receipt or audit entry, or keys lack their offer.</summary>
    private static async Task<Stored> StoredAsync(LocalApp app, string callId)
    {
        var offers = new Dictionary<string, string>();
        var receipts = new HashSet<string>();
        var audited = new HashSet<string>();
        var keys = new List<string>();
        await foreach (var row in app.Storage.Tables.GetTableClient(StorageNames.OffersTable).QueryAsync<TableEntity>(e => e.PartitionKey == callId))
        {
            if (row.RowKey.StartsWith("offer|", StringComparison.Ordinal))
            {
                var city = System.Text.Json.JsonDocument.Parse(row.GetString("Data")).RootElement.GetProperty("details").GetProperty("city").GetString()!;
                offers[row.RowKey["offer|".Length..]] = city;
            }
            else if (row.RowKey.StartsWith("notification|", StringComparison.Ordinal) && row.RowKey.Contains("-receipt-", StringComparison.Ordinal))
            {
                receipts.Add(row.GetString("OfferId"));
            }
            else if (row.RowKey.StartsWith("key|", StringComparison.Ordinal))
            {
                keys.Add(row.GetString("OfferId"));
            }
            else if ((row.RowKey.StartsWith("journal|", StringComparison.Ordinal) || row.RowKey.StartsWith("audit|", StringComparison.Ordinal))
                && System.Text.Json.JsonDocument.Parse(row.GetString("Entry")).RootElement is var entry
                && entry.GetProperty("action").GetString() == nameof(AuditAction.OfferSubmitted))
            {
                // Pending in the journal or already chained: either way the entry exists.
                audited.Add(entry.GetProperty("subject").GetString()!);
            }
        }

        var halfWritten = offers.Keys.Count(o => !receipts.Contains(o) || !audited.Contains(o)) + audited.Count(a => !offers.ContainsKey(a)) + keys.Count(k => !offers.ContainsKey(k)) + receipts.Count(r => !offers.ContainsKey(r));
        return new Stored(offers.Count, offers.Values.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count()), halfWritten);
    }
}
