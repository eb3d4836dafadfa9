using System.Text.Json;
using Azure.Data.Tables;
using HostingCalls.Functions.Storage;
using HostingCalls.IntegrationTests.Support;

namespace HostingCalls.IntegrationTests.Http;

[Collection(nameof(AzuriteCollection))]
public sealed class OfferFunctionsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private LocalApp _app = null!;
    private string _callId = null!;

    public async Task InitializeAsync()
    {
        _app = await LocalApp.StartAsync(azurite.ConnectionString);
        _callId = await _app.OpenSampleCallAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<LocalResponse> Submit(object offer, string caller = Callers.Kenya, string? key = null)
    {
        var request = offer is string json ? LocalRequest.Raw("POST", json) : LocalRequest.Post(offer);
        request = request.As(caller);
        return _app.SendAsync(key is null ? request : request.With("Idempotency-Key", key), r => _app.Offers.SubmitOffer(r, _callId, default));
    }

    private Task<LocalResponse> Get(string offerId, string? caller) =>
        _app.SendAsync(caller is null ? LocalRequest.Get() : LocalRequest.Get().As(caller), r => _app.Offers.GetOffer(r, _callId, offerId, default));

    private Task<LocalResponse> Revise(string offerId, object offer, string? etag, string caller = Callers.Kenya)
    {
        var request = LocalRequest.Put(offer).As(caller);
        return _app.SendAsync(etag is null ? request : request.IfMatch(etag), r => _app.Offers.ReviseOffer(r, _callId, offerId, default));
    }

    private Task<LocalResponse> ListOwn(string caller) => _app.SendAsync(LocalRequest.Get().As(caller), r => _app.Offers.ListOffers(r, _callId, default));

    [Fact]
    public async Task A_submitted_offer_gets_its_receipt_recorded_and_queued()
    {
        await _app.NotificationsQueue.ClearMessagesAsync();

        var submitted = await Submit(SampleOffers.Kenya());

        Assert.Equal(201, submitted.Status);
        Assert.Equal(("KEN", "Submitted", 1), (submitted.Json.GetProperty("memberState").GetString(), submitted.Json.GetProperty("status").GetString(), submitted.Json.GetProperty("version").GetInt32()));
        Assert.Equal($"/api/calls/{_callId}/offers/{submitted.Id}", submitted.Headers.Location.ToString());
        Assert.Equal("OfficialLetterMissing", submitted.Json.GetProperty("warnings")[0].GetProperty("code").GetString());
        var message = Assert.Single(await _app.QueuedNotificationsAsync());
        Assert.Equal((_callId, $"{submitted.Id}-receipt-1"), (message.CallId, message.NotificationId));
        var ledger = await _app.Storage.Tables.GetTableClient(StorageNames.OffersTable).GetEntityAsync<TableEntity>(_callId, $"notification|{message.NotificationId}");
        Assert.Equal("Queued", ledger.Value.GetString("Status"));
    }

    [Fact]
    public async Task Offers_are_sealed_only_the_offering_state_sees_one_and_the_secretariat_sees_counts()
    {
        var kenya = await Submit(SampleOffers.Kenya());
        await Submit(SampleOffers.Kenya("RC-1"));
        var brazil = await Submit(SampleOffers.Kenya("EGM-2").With("city", "Brasília"), Callers.Brazil);

        Assert.Equal(200, (await Get(kenya.Id, Callers.Kenya)).Status);
        Assert.Equal(404, (await Get(kenya.Id, Callers.France)).Status);
        Assert.Equal(404, (await Get(kenya.Id, Callers.Secretariat)).Status);
        Assert.Equal(401, (await Get(kenya.Id, null)).Status);
        Assert.Equal(404, (await Get(kenya.Id, Callers.Brazil)).Status);
        var own = (await ListOwn(Callers.Kenya)).Json.EnumerateArray().ToList();
        Assert.Equal(2, own.Count);
        Assert.Contains(kenya.Id, own.Select(o => o.GetProperty("id").GetString()));
        Assert.All(own, o => Assert.Equal("KEN", o.GetProperty("memberState").GetString()));
        Assert.Equal(brazil.Id, Assert.Single((await ListOwn(Callers.Brazil)).Json.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(403, (await ListOwn(Callers.Secretariat)).Status);

        var counts = await _app.SendAsync(LocalRequest.Get().As(Callers.Secretariat), r => _app.Offers.CountOffers(r, _callId, default));
        var forbidden = await _app.SendAsync(LocalRequest.Get().As(Callers.Kenya), r => _app.Offers.CountOffers(r, _callId, default));

        Assert.Equal(3, counts.Json.GetProperty("active").GetInt32());
        Assert.Equal(2, counts.Json.GetProperty("memberStates").GetInt32());
        Assert.Equal(1, counts.Json.GetProperty("meetings")[0].GetProperty("active").GetInt32());
        Assert.DoesNotContain("Nairobi", counts.Text);
        Assert.Equal(403, forbidden.Status);
    }

    [Fact]
    public async Task A_retried_submission_with_the_same_Idempotency_Key_returns_the_same_offer_never_a_second()
    {
        await _app.NotificationsQueue.ClearMessagesAsync();

        var first = await Submit(SampleOffers.Kenya(), key: "7f1c2d9e-retry");
        var retry = await Submit(SampleOffers.Kenya(), key: "7f1c2d9e-retry");
        var otherOffer = await Submit(SampleOffers.Kenya("EGM-3"), key: "7f1c2d9e-retry");
        var otherState = await Submit(SampleOffers.Kenya(), Callers.France, key: "7f1c2d9e-retry");

        Assert.Equal((201, 200), (first.Status, retry.Status));
        Assert.Equal(first.Id, retry.Id);
        Assert.Equal(422, otherOffer.Status);
        Assert.Equal(201, otherState.Status);
        Assert.NotEqual(first.Id, otherState.Id);
        Assert.Equal(1, (await ListOwn(Callers.Kenya)).Json.GetArrayLength());
        Assert.Single(await _app.QueuedNotificationsAsync(), m => m.NotificationId.StartsWith(first.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_revision_needs_the_current_ETag_a_stale_one_gets_412_and_leaves_the_offer_as_it_was()
    {
        var submitted = await Submit(SampleOffers.Kenya());

        var missing = await Revise(submitted.Id, SampleOffers.Kenya().With("city", "Mombasa"), null);
        var revised = await Revise(submitted.Id, SampleOffers.Kenya().With("city", "Kisumu"), submitted.ETag);
        var stale = await Revise(submitted.Id, SampleOffers.Kenya().With("city", "Mombasa"), submitted.ETag);
        var otherState = await Revise(submitted.Id, SampleOffers.Kenya().With("city", "Paris"), revised.ETag, Callers.France);
        var stored = await Get(submitted.Id, Callers.Kenya);

        Assert.Equal(428, missing.Status);
        Assert.Equal((200, "Revised", 2), (revised.Status, revised.Json.GetProperty("status").GetString(), revised.Json.GetProperty("version").GetInt32()));
        Assert.Equal(412, stale.Status);
        Assert.Equal(404, otherState.Status);
        Assert.Equal(("Kisumu", revised.ETag), (stored.Json.GetProperty("city").GetString(), stored.ETag));
    }

    [Fact]
    public async Task Concurrent_retries_with_one_Idempotency_Key_make_one_offer()
    {
        var retries = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            Task.Run(() => Submit(SampleOffers.Kenya("EGM-2"), key: "same-key-at-once"))));

        Assert.Single(retries, r => r.Status == 201);
        Assert.All(retries, r => Assert.Contains(r.Status, new[] { 200, 201 }));
        Assert.Single(retries.Select(r => r.Id).Distinct());
        Assert.Single((await ListOwn(Callers.Kenya)).Json.EnumerateArray());
    }

    [Fact]
    public async Task A_withdrawn_offer_cannot_be_revised_and_nothing_changes_after_the_deadline()
    {
        var submitted = await Submit(SampleOffers.Kenya());
        var withdrawn = await _app.SendAsync(LocalRequest.Post().As(Callers.Kenya).IfMatch(submitted.ETag!), r => _app.Offers.WithdrawOffer(r, _callId, submitted.Id, default));
        var revise = await Revise(submitted.Id, SampleOffers.Kenya(), withdrawn.ETag);

        Assert.Equal(("Withdrawn", 2), (withdrawn.Json.GetProperty("status").GetString(), withdrawn.Json.GetProperty("version").GetInt32()));
        Assert.Empty(withdrawn.Json.GetProperty("warnings").EnumerateArray());
        Assert.Equal(409, revise.Status);

        var open = await Submit(SampleOffers.Kenya());
        _app.Clock.SetUtcNow(DateTimeOffset.Parse("2023-10-31T20:59:59Z"));
        var atDeadline = await Submit(SampleOffers.Kenya("EGM-2"));
        _app.Clock.Advance(TimeSpan.FromSeconds(1));
        var late = await Submit(SampleOffers.Kenya("EGM-3"));
        var lateRevision = await Revise(open.Id, SampleOffers.Kenya().With("city", "Mombasa"), open.ETag);

        Assert.Equal(201, atDeadline.Status);
        Assert.Equal(409, late.Status);
        Assert.Contains("2023-10-31 23:59 Africa/Nairobi (UTC+03:00), that is 2023-10-31 20:59 UTC", late.Json.GetProperty("detail").GetString());
        Assert.Equal("2023-10-31T23:59:59+03:00", late.Json.GetProperty("deadlineLocal").GetString());
        Assert.Equal(409, lateRevision.Status);
        Assert.Equal(3, (await ListOwn(Callers.Kenya)).Json.GetArrayLength());
    }

    [Fact]
    public async Task Fixable_problems_are_accepted_as_warnings_and_disappear_when_mended()
    {
        var flawed = SampleOffers.Kenya("RC-2")
            .With("proposedDates", new Dictionary<string, object?> { ["start"] = "2025-01-10", ["end"] = "2025-01-12" })
            .With("venue", new Dictionary<string, object?> { ["name"] = "Hall", ["seats"] = 20 });

        var submitted = await Submit(flawed);
        var mended = await Revise(submitted.Id, SampleOffers.Kenya("RC-1").With("hostCountryAgreement", true), submitted.ETag);

        Assert.Equal(201, submitted.Status);
        Assert.Equal(["DatesOutsideWindow", "TooFewSeats", "OutsideRegion", "OfficialLetterMissing"],
            submitted.Json.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()));
        Assert.Equal(["OfficialLetterMissing"], mended.Json.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Malformed_oversized_and_server_owned_input_is_refused_with_problem_details_and_stores_nothing()
    {
        var before = await CountRowsAsync();
        var json = JsonSerializer.Serialize(SampleOffers.Kenya());

        var cases = new (LocalResponse Response, int Status, string? Field)[]
        {
            (await Submit(SampleOffers.Kenya().With("status", "Selected")), 400, "status"),
            (await Submit(SampleOffers.Kenya().With("score", 1.0)), 400, "score"),
            (await Submit(SampleOffers.Kenya().With("memberState", "FRA")), 400, "memberState"),
            (await Submit(SampleOffers.Kenya().With("memberState", "ken")), 400, "memberState"),
            (await Submit(SampleOffers.Kenya().With("meetingId", "EGM-1/../x")), 400, "meetingId"),
            (await Submit(SampleOffers.Kenya().With("city", "<script>alert(1)</script>\u0007")), 400, "city"),
            (await Submit(SampleOffers.Kenya().With("venue", new Dictionary<string, object?> { ["name"] = "Hall", ["seats"] = "eighty" })), 400, "venue.seats"),
            (await Submit(json[..(json.Length / 2)]), 400, null),
            (await Submit("[]"), 400, null),
            (await Submit("null"), 400, "body"),
            (await Submit(SampleOffers.Kenya().With("city", new string('x', 2 * 1024 * 1024))), 413, null),
            (await Submit(SampleOffers.Kenya(), key: new string('k', 500)), 400, "Idempotency-Key"),
        };

        Assert.All(cases, c =>
        {
            Assert.Equal(c.Status, c.Response.Status);
            Assert.StartsWith("application/problem+json", c.Response.ContentType);
            if (c.Field is not null)
            {
                Assert.Contains(c.Field, c.Response.ProblemFields);
            }
        });
        Assert.Equal(before, await CountRowsAsync());
    }

    [Fact]
    public async Task Without_the_development_setting_the_caller_header_is_ignored()
    {
        await using var locked = await LocalApp.StartAsync(azurite.ConnectionString, new Dictionary<string, string?> { ["DevelopmentCaller:Enabled"] = "false" });

        var response = await locked.SendAsync(LocalRequest.Post(SampleOffers.Kenya()).As(Callers.Kenya), r => locked.Offers.SubmitOffer(r, _callId, default));

        Assert.Equal(401, response.Status);
    }

    private async Task<int> CountRowsAsync()
    {
        var count = 0;
        await foreach (var _ in _app.Storage.Tables.GetTableClient(StorageNames.OffersTable).QueryAsync<TableEntity>(e => e.PartitionKey == _callId, select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }
}
