using Azure.Data.Tables;
using HostingCalls.Functions.Storage;
using HostingCalls.IntegrationTests.Support;

namespace HostingCalls.IntegrationTests.Http;

/// <summary>The secretariat invites focal points; the token in the emailed link is all they need, on their call only.</summary>
[Collection(nameof(AzuriteCollection))]
public sealed class InvitationFunctionsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private InvitedFocalPoints _app = null!;
    private string _callId = null!;

    private LocalApp App => _app.App;

    public async Task InitializeAsync()
    {
        _app = await InvitedFocalPoints.StartAsync(azurite.ConnectionString);
        _callId = await App.OpenSampleCallAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<LocalResponse> GetOffer(string callId, string offerId, string token) =>
        App.SendAsync(LocalRequest.Get().Invited(token), r => App.Offers.GetOffer(r, callId, offerId, default));

    private Task<LocalResponse> Submit(string callId, string token) =>
        App.SendAsync(LocalRequest.Post(SampleOffers.Kenya()).Invited(token), r => App.Offers.SubmitOffer(r, callId, default));

    private async Task<string> StoredOfferAsync(string offerId) =>
        (await App.Storage.Tables.GetTableClient(StorageNames.OffersTable).GetEntityAsync<TableEntity>(_callId, $"offer|{offerId}")).Value.GetString("Data");

    [Fact]
    public async Task The_token_from_the_email_submits_reads_revises_and_withdraws_its_states_offers()
    {
        var kenya = await _app.InviteAsync(_callId, "KEN", "fr");

        Assert.Equal(("KEN", "fr", "Active", "Queued"), (kenya.Answer.Json.GetProperty("memberState").GetString(), kenya.Answer.Json.GetProperty("language").GetString(),
            kenya.Answer.Json.GetProperty("status").GetString(), kenya.Answer.Json.GetProperty("notificationStatus").GetString()));
        Assert.DoesNotContain(kenya.Token, kenya.Answer.Text);
        Assert.DoesNotContain(kenya.Token.Split('.')[3], kenya.Answer.Text);
        Assert.Equal("focal.point@ken.example", kenya.Email.To);
        Assert.StartsWith("Invitation à soumettre des offres – ", kenya.Email.Subject, StringComparison.Ordinal);
        Assert.Contains($"{LocalApp.PortalUrl}#invitation={kenya.Token}", kenya.Email.Html);

        var submitted = await Submit(_callId, kenya.Token);
        Assert.Equal(201, submitted.Status);
        Assert.Equal("KEN", submitted.Json.GetProperty("memberState").GetString());
        var read = await GetOffer(_callId, submitted.Id, kenya.Token);
        Assert.Equal(200, read.Status);
        var listed = await App.SendAsync(LocalRequest.Get().Invited(kenya.Token), r => App.Offers.ListOffers(r, _callId, default));
        Assert.Equal(submitted.Id, Assert.Single(listed.Json.EnumerateArray()).GetProperty("id").GetString());
        var revised = await App.SendAsync(LocalRequest.Put(SampleOffers.Kenya().With("city", "Mombasa")).Invited(kenya.Token).IfMatch(read.ETag!),
            r => App.Offers.ReviseOffer(r, _callId, submitted.Id, default));
        Assert.Equal((200, "Mombasa", 2), (revised.Status, revised.Json.GetProperty("city").GetString(), revised.Json.GetProperty("version").GetInt32()));
        var withdrawn = await App.SendAsync(LocalRequest.Post().Invited(kenya.Token).IfMatch(revised.ETag!), r => App.Offers.WithdrawOffer(r, _callId, submitted.Id, default));
        Assert.Equal((200, "Withdrawn"), (withdrawn.Status, withdrawn.Json.GetProperty("status").GetString()));
        Assert.Contains($"\"submittedBy\":\"invitation-{kenya.Id}\"", await StoredOfferAsync(submitted.Id));
    }

    [Fact]
    public async Task Me_says_who_the_token_makes_the_caller_and_anyone_may_ask()
    {
        var kenya = await _app.InviteAsync(_callId, "KEN");

        var me = await App.SendAsync(LocalRequest.Get().Invited(kenya.Token), r => App.Me.GetMe(r));
        var nobody = await App.SendAsync(LocalRequest.Get(), r => App.Me.GetMe(r));
        var secretariat = await App.SendAsync(LocalRequest.Get().As("secretariat FRA"), r => App.Me.GetMe(r));

        Assert.Equal(200, me.Status);
        Assert.Equal("""{"role":"MemberState","id":"invitation-ID","memberState":"KEN","nationality":null,"callId":"CALL"}""".Replace("ID", kenya.Id).Replace("CALL", _callId), me.Text);
        Assert.Equal("""{"role":"Anonymous","id":"anonymous","memberState":null,"nationality":null,"callId":null}""", nobody.Text);
        Assert.Equal((200, "Secretariat", "FRA"), (secretariat.Status, secretariat.Json.GetProperty("role").GetString(), secretariat.Json.GetProperty("nationality").GetString()));
    }

    [Fact]
    public async Task A_token_opens_its_own_call_only_another_call_is_not_there()
    {
        var kenya = await _app.InviteAsync(_callId, "KEN");
        var otherCall = await App.OpenSampleCallAsync();
        var offerThere = await App.SubmitWithLetterAsync(otherCall, "member-state KEN", SampleOffers.Kenya());

        Assert.Equal(404, (await Submit(otherCall, kenya.Token)).Status);
        Assert.Equal(404, (await GetOffer(otherCall, offerThere, kenya.Token)).Status);
        Assert.Equal(404, (await App.SendAsync(LocalRequest.Get().Invited(kenya.Token), r => App.Offers.ListOffers(r, otherCall, default))).Status);
        Assert.Equal(404, (await App.SendAsync(LocalRequest.Get().Invited(kenya.Token), r => App.Calls.GetCall(r, otherCall, default))).Status);
        Assert.Equal(200, (await App.SendAsync(LocalRequest.Get().Invited(kenya.Token), r => App.Calls.GetCall(r, _callId, default))).Status);
        var open = await App.SendAsync(LocalRequest.Get().Invited(kenya.Token), r => App.Calls.ListOpenCalls(r, default));
        Assert.Equal(_callId, Assert.Single(open.Json.EnumerateArray()).GetProperty("id").GetString()); // the other open call is not there for them
        var listed = await App.SendAsync(LocalRequest.Get().As("member-state KEN"), r => App.Offers.ListOffers(r, otherCall, default));
        Assert.Single(listed.Json.EnumerateArray());
    }

    [Fact]
    public async Task Another_states_token_does_not_see_the_offer()
    {
        var kenya = await _app.InviteAsync(_callId, "KEN");
        var france = await _app.InviteAsync(_callId, "FRA");
        var offerId = (await Submit(_callId, kenya.Token)).Id;
        var before = await StoredOfferAsync(offerId);

        Assert.Equal(404, (await GetOffer(_callId, offerId, france.Token)).Status);
        var revise = await App.SendAsync(LocalRequest.Put(SampleOffers.Kenya()).Invited(france.Token).IfMatch("W/\"datetime'2023-10-02T08%3A00%3A00.0000000Z'\""), r => App.Offers.ReviseOffer(r, _callId, offerId, default));
        Assert.Equal(404, revise.Status);
        var list = await App.SendAsync(LocalRequest.Get().Invited(france.Token), r => App.Offers.ListOffers(r, _callId, default));
        Assert.Empty(list.Json.EnumerateArray());
        Assert.Equal(before, await StoredOfferAsync(offerId));
    }

    [Fact]
    public async Task After_a_revocation_the_token_is_refused_with_401_and_other_invitations_of_the_state_still_work()
    {
        var first = await _app.InviteAsync(_callId, "KEN");
        var second = await _app.InviteAsync(_callId, "KEN");
        var offerId = (await Submit(_callId, first.Token)).Id;

        var noEtag = await App.SendAsync(LocalRequest.Post().As("secretariat"), r => App.Invitations.RevokeInvitation(r, _callId, first.Id, default));
        Assert.Equal(428, noEtag.Status);
        Assert.Equal(200, (await GetOffer(_callId, offerId, first.Token)).Status);
        var revoked = await App.SendAsync(LocalRequest.Post().As("secretariat").IfMatch(first.ETag), r => App.Invitations.RevokeInvitation(r, _callId, first.Id, default));
        Assert.Equal((200, "Revoked"), (revoked.Status, revoked.Json.GetProperty("status").GetString()));

        var refused = await GetOffer(_callId, offerId, first.Token);
        Assert.Equal(401, refused.Status);
        Assert.StartsWith("application/problem+json", refused.ContentType, StringComparison.Ordinal);
        Assert.DoesNotContain(first.Token.Split('.')[2], refused.Text);
        Assert.Equal(200, (await GetOffer(_callId, offerId, second.Token)).Status);
        var again = await App.SendAsync(LocalRequest.Post().As("secretariat").IfMatch(revoked.ETag!), r => App.Invitations.RevokeInvitation(r, _callId, first.Id, default));
        Assert.Equal(409, again.Status);
    }

    [Fact]
    public async Task The_secretariat_lists_the_invitations_with_how_far_their_emails_went_and_never_a_token()
    {
        var kenya = await _app.InviteAsync(_callId, "KEN");
        var france = await _app.InviteAsync(_callId, "FRA", "fr");

        var list = await App.SendAsync(LocalRequest.Get().As("secretariat"), r => App.Invitations.ListInvitations(r, _callId, default));

        Assert.Equal(200, list.Status);
        Assert.Equal([(kenya.Id, "KEN", "Sent"), (france.Id, "FRA", "Sent")],
            list.Json.EnumerateArray().Select(i => (i.GetProperty("id").GetString()!, i.GetProperty("memberState").GetString(), i.GetProperty("notificationStatus").GetString()))
                .OrderBy(i => i.Item1 == kenya.Id ? 0 : 1));
        Assert.DoesNotContain(kenya.Token.Split('.')[3], list.Text);
        Assert.DoesNotContain(france.Token.Split('.')[3], list.Text);
        Assert.DoesNotContain("token", list.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Bad_invitations_are_refused_naming_the_fields_and_store_nothing()
    {
        var response = await App.SendAsync(LocalRequest.Post(new { memberState = "XXX", email = "nobody", language = "de", token = "x" }).As("secretariat"),
            r => App.Invitations.InviteFocalPoint(r, _callId, default));
        var bad = await App.SendAsync(LocalRequest.Post(new { memberState = "XXX", email = "nobody", language = "de" }).As("secretariat"),
            r => App.Invitations.InviteFocalPoint(r, _callId, default));

        Assert.Equal((400, 400), (response.Status, bad.Status));
        Assert.Equal(["token"], response.ProblemFields);
        Assert.Equal(["email", "language", "memberState"], bad.ProblemFields.Order(StringComparer.Ordinal));
        var list = await App.SendAsync(LocalRequest.Get().As("secretariat"), r => App.Invitations.ListInvitations(r, _callId, default));
        Assert.Empty(list.Json.EnumerateArray());
    }

    [Fact]
    public async Task A_draft_call_is_refused_with_a_409_naming_its_state_and_its_focal_points_are_invited_once_it_is_open()
    {
        var created = (await App.SendAsync(LocalRequest.Raw("POST", LocalApp.SampleCallJson()).As("secretariat"), r => App.Calls.CreateCall(r, default))).Expect(201, "create");
        Task<LocalResponse> Invite() => App.SendAsync(LocalRequest.Post(new { memberState = "KEN", email = "focal.point@ken.example", language = "en" }).As("secretariat"),
            r => App.Invitations.InviteFocalPoint(r, created.Id, default));

        var draft = await Invite();

        Assert.Equal((409, "application/problem+json; charset=utf-8"), (draft.Status, draft.Headers.ContentType.ToString()));
        Assert.Equal(("The call is not open yet.", "Draft"), (draft.Json.GetProperty("title").GetString(), draft.Json.GetProperty("callStatus").GetString()));
        var list = await App.SendAsync(LocalRequest.Get().As("secretariat"), r => App.Invitations.ListInvitations(r, created.Id, default));
        Assert.Empty(list.Json.EnumerateArray());

        (await App.SendAsync(LocalRequest.Post().As("secretariat").IfMatch(created.ETag!), r => App.Calls.OpenCall(r, created.Id, default))).Expect(200, "open");
        Assert.Equal(201, (await Invite()).Status);
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("tampered")]
    [InlineData("unknown key")]
    [InlineData("malformed")]
    [InlineData("two headers")]
    public async Task A_token_that_does_not_verify_is_a_401_problem_that_does_not_repeat_it(string kind)
    {
        var kenya = await _app.InviteAsync(_callId, "KEN");
        var parts = kenya.Token.Split('.');
        var token = kind switch
        {
            "tampered" => string.Join('.', parts[0], parts[1], parts[2][..^2] + (parts[2][^2] == 'A' ? "B" : "A") + parts[2][^1], parts[3]),
            "unknown key" => string.Join('.', parts[0], "retired", parts[2], parts[3]),
            "malformed" => "not-a-token",
            _ => kenya.Token,
        };
        if (kind == "expired")
        {
            App.Clock.SetUtcNow(DateTimeOffset.Parse(kenya.Answer.Json.GetProperty("expiresAt").GetString()!));
        }

        var request = LocalRequest.Get().Invited(token);
        if (kind == "two headers")
        {
            request = request.With("X-HostingCalls-Invitation", $"{token}, {token}");
        }

        var response = await App.SendAsync(request, r => App.Me.GetMe(r));

        Assert.Equal(401, response.Status);
        Assert.StartsWith("application/problem+json", response.ContentType, StringComparison.Ordinal);
        Assert.DoesNotContain(token, response.Text);
        Assert.DoesNotContain(parts[3], response.Text);
    }
}
