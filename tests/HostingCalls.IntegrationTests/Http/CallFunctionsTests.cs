using System.Text.Json;
using Azure.Data.Tables;
using HostingCalls.Functions.Storage;
using HostingCalls.IntegrationTests.Support;

namespace HostingCalls.IntegrationTests.Http;

[Collection(nameof(AzuriteCollection))]
public sealed class CallFunctionsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private LocalApp _app = null!;

    public async Task InitializeAsync() => _app = await LocalApp.StartAsync(azurite.ConnectionString);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<LocalResponse> Create(LocalRequest request) => _app.SendAsync(request, r => _app.Calls.CreateCall(r, default));

    private Task<LocalResponse> Get(string callId, string? caller = null) =>
        _app.SendAsync(caller is null ? LocalRequest.Get() : LocalRequest.Get().As(caller), r => _app.Calls.GetCall(r, callId, default));

    private Task<LocalResponse> ListOpen() => _app.SendAsync(LocalRequest.Get(), r => _app.Calls.ListOpenCalls(r, default));

    [Fact]
    public async Task The_secretariat_creates_the_2023_call_as_a_draft_that_nobody_else_sees()
    {
        var created = await Create(LocalRequest.Raw("POST", LocalApp.SampleCallJson()).As(Callers.Secretariat));

        Assert.Equal(201, created.Status);
        Assert.Equal("Draft", created.Json.GetProperty("status").GetString());
        Assert.Equal("2023-10-31T20:59:59+00:00", created.Json.GetProperty("deadline").GetString());
        Assert.Equal("2023-10-31T23:59:59+03:00", created.Json.GetProperty("deadlineLocal").GetString());
        Assert.Equal(5, created.Json.GetProperty("meetings").GetArrayLength());
        Assert.Equal($"/api/calls/{created.Id}", created.Headers.Location.ToString());
        Assert.Equal(created.ETag, created.Json.GetProperty("etag").GetString());

        Assert.Equal(404, (await Get(created.Id, Callers.Kenya)).Status);
        Assert.Equal(404, (await Get(created.Id)).Status);
        Assert.Equal(200, (await Get(created.Id, Callers.Secretariat)).Status);
        Assert.DoesNotContain(created.Id, (await ListOpen()).Text);
    }

    [Fact]
    public async Task A_draft_is_amended_with_its_ETag_a_stale_or_missing_one_changes_nothing()
    {
        var created = await Create(LocalRequest.Raw("POST", LocalApp.SampleCallJson()).As(Callers.Secretariat));
        var amended = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(LocalApp.SampleCallJson())!;
        amended["gracePeriodMinutes"] = JsonSerializer.SerializeToElement(30);

        var missing = await _app.SendAsync(LocalRequest.Put(amended).As(Callers.Secretariat), r => _app.Calls.UpdateCall(r, created.Id, default));
        var updated = await _app.SendAsync(LocalRequest.Put(amended).As(Callers.Secretariat).IfMatch(created.ETag!), r => _app.Calls.UpdateCall(r, created.Id, default));
        amended["gracePeriodMinutes"] = JsonSerializer.SerializeToElement(45);
        var stale = await _app.SendAsync(LocalRequest.Put(amended).As(Callers.Secretariat).IfMatch(created.ETag!), r => _app.Calls.UpdateCall(r, created.Id, default));

        Assert.Equal(428, missing.Status);
        Assert.Equal(200, updated.Status);
        Assert.NotEqual(created.ETag, updated.ETag);
        Assert.Equal(412, stale.Status);
        Assert.Equal("application/problem+json; charset=utf-8", stale.ContentType);
        Assert.Equal(30, (await Get(created.Id, Callers.Secretariat)).Json.GetProperty("gracePeriodMinutes").GetInt32());
    }

    [Fact]
    public async Task An_opened_call_is_listed_publicly_without_internal_figures_and_can_no_longer_be_amended()
    {
        var callId = await _app.OpenSampleCallAsync();

        var listed = (await ListOpen()).Json.EnumerateArray().Single(c => c.GetProperty("id").GetString() == callId);
        var view = await Get(callId, Callers.Kenya);
        var secretariatView = await Get(callId, Callers.Secretariat);
        var amend = await _app.SendAsync(
            LocalRequest.Raw("PUT", LocalApp.SampleCallJson()).As(Callers.Secretariat).IfMatch(secretariatView.ETag!),
            r => _app.Calls.UpdateCall(r, callId, default));

        Assert.Equal("Open", listed.GetProperty("status").GetString());
        Assert.Equal("African States", listed.GetProperty("meetings")[1].GetProperty("regionName").GetString());
        foreach (var hidden in new[] { "weights", "rules", "createdBy", "etag" })
        {
            Assert.False(listed.TryGetProperty(hidden, out _), hidden);
        }

        Assert.DoesNotContain("estimatedCostUsd", view.Text);
        Assert.Equal(30, view.Json.GetProperty("meetings")[0].GetProperty("participants").GetInt32());
        Assert.Equal(409, amend.Status);
    }

    [Fact]
    public async Task Only_the_secretariat_creates_calls_and_bad_input_is_refused_naming_each_field_storing_nothing()
    {
        var before = await CountCallsAsync();

        var anonymous = await Create(LocalRequest.Raw("POST", LocalApp.SampleCallJson()));
        var focalPoint = await Create(LocalRequest.Raw("POST", LocalApp.SampleCallJson()).As(Callers.Kenya));
        var noOffset = await Create(LocalRequest.Raw("POST", LocalApp.SampleCallJson().Replace("2023-10-31T23:59:59+03:00", "2023-10-31T23:59:59")).As(Callers.Secretariat));
        var serverOwned = await Create(LocalRequest.Raw("POST", LocalApp.SampleCallJson().Replace("\"gracePeriodMinutes\": 0", "\"status\": \"Open\"")).As(Callers.Secretariat));
        var empty = await Create(LocalRequest.Raw("POST", "{}").As(Callers.Secretariat));
        var truncated = await Create(LocalRequest.Raw("POST", LocalApp.SampleCallJson()[..200]).As(Callers.Secretariat));

        Assert.Equal(401, anonymous.Status);
        Assert.Equal(403, focalPoint.Status);
        Assert.Equal((400, "deadline"), (noOffset.Status, Assert.Single(noOffset.ProblemFields)));
        Assert.Equal((400, "status"), (serverOwned.Status, Assert.Single(serverOwned.ProblemFields)));
        Assert.Equal(400, empty.Status);
        Assert.Equal(["title", "meetings", "opensAt", "deadline", "resultsDate", "timeZone"], empty.ProblemFields);
        Assert.Equal(400, truncated.Status);
        Assert.Equal(before, await CountCallsAsync());
    }

    [Fact]
    public async Task A_call_whose_deadline_has_passed_cannot_be_opened()
    {
        var created = await Create(LocalRequest.Raw("POST", LocalApp.SampleCallJson()).As(Callers.Secretariat));
        _app.Clock.SetUtcNow(DateTimeOffset.Parse("2023-11-01T00:00:00Z"));

        var opened = await _app.SendAsync(LocalRequest.Post().As(Callers.Secretariat).IfMatch(created.ETag!), r => _app.Calls.OpenCall(r, created.Id, default));

        Assert.Equal(409, opened.Status);
        Assert.Contains("2023-10-31 23:59 Africa/Nairobi (UTC+03:00)", opened.Json.GetProperty("detail").GetString());
    }

    private async Task<int> CountCallsAsync()
    {
        var count = 0;
        await foreach (var _ in _app.Storage.Tables.GetTableClient(StorageNames.CallsTable).QueryAsync<TableEntity>(select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }
}
