using HostingCalls.IntegrationTests.Support;

namespace HostingCalls.IntegrationTests.Http;

/// <summary>The secretariat's list of calls by state, beside everyone's list of open calls.</summary>
[Collection(nameof(AzuriteCollection))]
public sealed class CallListingTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private LocalApp _app = null!;

    public async Task InitializeAsync() => _app = await LocalApp.StartAsync(azurite.ConnectionString);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<LocalResponse> List(string? caller, string? status)
    {
        var request = caller is null ? LocalRequest.Get() : LocalRequest.Get().As(caller);
        return _app.SendAsync(status is null ? request : request.WithQuery("status", status), r => _app.Calls.ListOpenCalls(r, default));
    }

    private static List<string> Ids(LocalResponse response) => [.. response.Json.EnumerateArray().Select(c => c.GetProperty("id").GetString()!)];

    [Fact]
    public async Task The_secretariat_lists_drafts_and_open_calls_by_state_with_their_ETags_and_nobody_else_may()
    {
        var draft = (await _app.SendAsync(LocalRequest.Raw("POST", LocalApp.SampleCallJson()).As(Callers.Secretariat), r => _app.Calls.CreateCall(r, default))).Id;
        var open = await _app.OpenSampleCallAsync();

        var drafts = await List(Callers.Secretariat, "Draft");
        var both = await List(Callers.Secretariat, "Draft,Open");
        var all = await List(Callers.Secretariat, "all");

        Assert.Equal(200, drafts.Status);
        Assert.Contains(draft, Ids(drafts));
        Assert.DoesNotContain(open, Ids(drafts));
        Assert.Superset(new HashSet<string> { draft, open }, Ids(both).ToHashSet());
        Assert.Superset(new HashSet<string> { draft, open }, Ids(all).ToHashSet());
        Assert.All(drafts.Json.EnumerateArray(), c => Assert.Equal("Draft", c.GetProperty("status").GetString()));
        Assert.True(drafts.Json[0].TryGetProperty("etag", out _));

        Assert.Equal(403, (await List(Callers.Kenya, "Draft")).Status);
        Assert.Equal(401, (await List(null, "Draft")).Status);
        Assert.DoesNotContain(draft, Ids(await List(null, null)));
        Assert.Contains(open, Ids(await List(null, null)));
    }

    [Theory]
    [InlineData("Drafted")]
    [InlineData("0")]
    [InlineData("")]
    [InlineData("open")]
    public async Task An_unknown_state_is_refused_naming_the_parameter(string status)
    {
        var response = await List(Callers.Secretariat, status);

        Assert.Equal(400, response.Status);
        Assert.Equal(["status"], response.ProblemFields);
    }
}
