using HostingCalls.Core.Invitations;
using HostingCalls.Functions.Access;
using HostingCalls.IntegrationTests.Support;

namespace HostingCalls.IntegrationTests.Http;

/// <summary>
/// The portal exchanges the link's token once for a session cookie scripts cannot read; the cookie then makes the
/// focal point, is renewed while used, ends when idle or when the invitation is revoked, and is never a token.
/// </summary>
[Collection(nameof(AzuriteCollection))]
public sealed class SessionFunctionsTests(AzuriteFixture azurite) : IAsyncLifetime
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

    private Task<LocalResponse> OpenAsync(string token) =>
        App.SendAsync(LocalRequest.Post().Invited(token), r => App.Sessions.OpenSession(r, default));

    private Task<LocalResponse> MeAsync(string ticket) =>
        App.SendAsync(LocalRequest.Get().With("Cookie", $"{SessionCookie.Name}={ticket}"), r => App.Me.GetMe(r));

    private static string SetCookie(LocalResponse response) => response.Headers.SetCookie.ToString();

    private static string TicketOf(LocalResponse response) =>
        SetCookie(response).Split(';')[0].Split('=', 2) is [SessionCookie.Name, var value] ? value : throw new InvalidOperationException(SetCookie(response));

    [Fact]
    public async Task The_links_token_opens_a_session_in_an_httponly_strict_secure_cookie_that_makes_the_focal_point()
    {
        var kenya = await _app.InviteAsync(_callId, "KEN");

        var opened = await OpenAsync(kenya.Token);

        Assert.Equal(201, opened.Status);
        var cookie = SetCookie(opened).ToLowerInvariant();
        Assert.StartsWith(SessionCookie.Name.ToLowerInvariant() + "=", cookie);
        Assert.Contains("httponly", cookie);
        Assert.Contains("secure", cookie);
        Assert.Contains("samesite=strict", cookie);
        Assert.Contains("path=/", cookie);
        Assert.Contains($"max-age={(int)FocalPointSessions.Lifetime.TotalSeconds}", cookie);
        Assert.DoesNotContain("domain=", cookie);
        Assert.DoesNotContain(kenya.Token, opened.Text);
        Assert.DoesNotContain(TicketOf(opened), opened.Text); // only the cookie carries it
        var me = await MeAsync(TicketOf(opened));
        Assert.Equal(("MemberState", "KEN", _callId), (me.Json.GetProperty("role").GetString(), me.Json.GetProperty("memberState").GetString(), me.Json.GetProperty("callId").GetString()));
    }

    [Fact]
    public async Task A_session_in_use_is_renewed_past_half_its_life_and_one_left_idle_ends_and_is_cleared()
    {
        var ticket = TicketOf(await OpenAsync((await _app.InviteAsync(_callId, "KEN")).Token));

        App.Clock.Advance(FocalPointSessions.Lifetime / 4);
        var early = await MeAsync(ticket);
        Assert.Equal((200, ""), (early.Status, SetCookie(early)));
        App.Clock.Advance(FocalPointSessions.Lifetime / 2);
        var renewed = await MeAsync(ticket);
        Assert.Equal(200, renewed.Status);
        var next = TicketOf(renewed);
        Assert.NotEqual(ticket, next);

        App.Clock.Advance(FocalPointSessions.Lifetime + TimeSpan.FromSeconds(1));
        var ended = await MeAsync(next);

        Assert.Equal(401, ended.Status);
        Assert.StartsWith("application/problem+json", ended.ContentType);
        Assert.Contains("open the invitation link", ended.Text);
        Assert.StartsWith($"{SessionCookie.Name}=;", SetCookie(ended), StringComparison.OrdinalIgnoreCase); // cleared
        Assert.Contains("expires=thu, 01 jan 1970", SetCookie(ended).ToLowerInvariant());
    }

    [Fact]
    public async Task Revoking_the_invitation_ends_its_sessions()
    {
        var kenya = await _app.InviteAsync(_callId, "KEN");
        var ticket = TicketOf(await OpenAsync(kenya.Token));

        (await App.SendAsync(LocalRequest.Post().As(Callers.Secretariat).IfMatch(kenya.ETag), r => App.Invitations.RevokeInvitation(r, _callId, kenya.Id, default)))
            .Expect(200, "revoke");

        Assert.Equal(401, (await MeAsync(ticket)).Status);
        Assert.Equal(401, (await OpenAsync(kenya.Token)).Status);
    }

    [Fact]
    public async Task A_ticket_is_no_invitation_token_a_token_is_no_ticket_and_a_forged_cookie_is_refused()
    {
        var kenya = await _app.InviteAsync(_callId, "KEN");
        var ticket = TicketOf(await OpenAsync(kenya.Token));
        var parts = ticket.Split('.');

        Assert.Equal(401, (await App.SendAsync(LocalRequest.Get().Invited(ticket), r => App.Me.GetMe(r))).Status);
        Assert.Equal(401, (await OpenAsync(ticket)).Status);
        foreach (var forged in (string[])[kenya.Token, string.Join('.', parts[0], parts[1], parts[2], parts[2]), "s1.k1.e30.AAAA", "garbage", new string('A', 5000)])
        {
            var answer = await MeAsync(forged);
            Assert.True(answer.Status == 401, $"{forged[..Math.Min(20, forged.Length)]}: {answer}");
        }
    }

    [Fact]
    public async Task Opening_a_session_needs_the_token_in_its_header()
    {
        var missing = await App.SendAsync(LocalRequest.Post(), r => App.Sessions.OpenSession(r, default));

        Assert.Equal(400, missing.Status);
        Assert.Equal([CallerResolver.InvitationHeader], missing.ProblemFields);
    }
}
