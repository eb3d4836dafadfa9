using Azure.Data.Tables;
using HostingCalls.Core.Invitations;
using HostingCalls.Functions.Storage;
using HostingCalls.IntegrationTests.Support;

namespace HostingCalls.IntegrationTests.Http;

/// <summary>Fair use of an invitation, and tokens bound to their invitation, through the functions and real storage.</summary>
[Collection(nameof(AzuriteCollection))]
public sealed class InvitationLimitsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private InvitedFocalPoints _app = null!;
    private string _callId = null!;

    private LocalApp App => _app.App;

    public async Task InitializeAsync()
    {
        _app = await InvitedFocalPoints.StartAsync(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["Invitations:MaxOffers"] = "2",
            ["Invitations:MaxRevisions"] = "1",
        });
        _callId = await App.OpenSampleCallAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<LocalResponse> Submit(string token) =>
        App.SendAsync(LocalRequest.Post(SampleOffers.Kenya()).Invited(token), r => App.Offers.SubmitOffer(r, _callId, default));

    private async Task<int> StoredOffersAsync()
    {
        var count = 0;
        await foreach (var row in App.Storage.Tables.GetTableClient(StorageNames.OffersTable).QueryAsync<TableEntity>(e => e.PartitionKey == _callId, select: ["RowKey"]))
        {
            count += row.RowKey.StartsWith("offer|", StringComparison.Ordinal) ? 1 : 0;
        }

        return count;
    }

    [Fact]
    public async Task Beyond_its_offers_and_revisions_an_invitation_gets_429_naming_the_limit_and_nothing_is_stored()
    {
        var kenya = await _app.InviteAsync(_callId, "KEN");
        var first = await Submit(kenya.Token);
        Assert.Equal(201, first.Status);
        Assert.Equal(201, (await Submit(kenya.Token)).Status);

        var third = await Submit(kenya.Token);

        Assert.Equal(429, third.Status);
        Assert.Contains("Invitations__MaxOffers", third.Json.GetProperty("title").GetString());
        Assert.True(third.Json.GetProperty("errors").TryGetProperty("Invitations__MaxOffers", out _));
        Assert.Equal(2, await StoredOffersAsync());

        var revised = await App.SendAsync(LocalRequest.Put(SampleOffers.Kenya().With("city", "Mombasa")).Invited(kenya.Token).IfMatch(first.ETag!),
            r => App.Offers.ReviseOffer(r, _callId, first.Id, default));
        Assert.Equal(200, revised.Status);
        var again = await App.SendAsync(LocalRequest.Put(SampleOffers.Kenya().With("city", "Kisumu")).Invited(kenya.Token).IfMatch(revised.ETag!),
            r => App.Offers.ReviseOffer(r, _callId, first.Id, default));
        Assert.Equal(429, again.Status);
        Assert.Contains("Invitations__MaxRevisions", again.Json.GetProperty("title").GetString());
        var stored = await App.SendAsync(LocalRequest.Get().Invited(kenya.Token), r => App.Offers.GetOffer(r, _callId, first.Id, default));
        Assert.Equal(("Mombasa", 2), (stored.Json.GetProperty("city").GetString(), stored.Json.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task A_validly_signed_token_with_another_expiry_than_its_stored_invitation_gets_401()
    {
        var kenya = await _app.InviteAsync(_callId, "KEN");
        var expiresAt = kenya.Answer.Json.GetProperty("expiresAt").GetDateTimeOffset();
        var longer = App.Service<MemberStateTokens>().Sign(new MemberStateToken(_callId, "KEN", kenya.Id, expiresAt.AddYears(1)));

        Assert.Equal(401, (await Submit(longer)).Status);
        Assert.Equal(201, (await Submit(kenya.Token)).Status);
        Assert.Equal(401, (await Submit(longer)).Status);
    }
}
