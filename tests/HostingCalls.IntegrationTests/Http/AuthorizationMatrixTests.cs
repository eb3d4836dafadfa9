using HostingCalls.Core.Invitations;
using HostingCalls.Functions.Http;
using HostingCalls.IntegrationTests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using HostingCalls.Functions.Access;
using Xunit.Abstractions;

namespace HostingCalls.IntegrationTests.Http;

/// <summary>
/// Every endpoint as nobody, as Kenya (whose offer it is) and France by the development scheme and by their
/// invitation tokens, as a reviewer and as the secretariat; then with Kenya's token from another call, and with
/// expired, revoked and tampered tokens; staff with verified Entra tokens, and forged ones (a bare principal header,
/// expired, another tenant, another audience, an unknown key, <c>alg: none</c>, HS256 keyed with the public key);
/// the secretariat's changes sent cross-site or as a form body: the status each gets, a problem document for every
/// refusal, and that nothing changed where it must not. Once while the call is open and offers are sealed, once
/// after it closed.
/// </summary>
[Collection(nameof(AzuriteCollection))]
public sealed class AuthorizationMatrixTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private const string StaffObjectId = "3c9e5a1b-7d4f-4e2a-8b6c-0d1e2f3a4b5c";
    private const string StaleETag = "W/\"datetime'2023-10-02T08%3A00%3A00.0000000Z'\"";
    private InvitedFocalPoints _focalPoints = null!;
    private string _callId = null!;
    private string _offerId = null!;
    private string _attachmentId = null!;
    private Invited _kenya = null!;
    private Invited _france = null!;
    private string _otherCallToken = null!;
    private string _revokedToken = null!;
    private string _expiredToken = null!;
    private string _tamperedToken = null!;

    private LocalApp App => _focalPoints.App;

    public async Task InitializeAsync()
    {
        _focalPoints = await InvitedFocalPoints.StartAsync(azurite.ConnectionString);
        _callId = await App.OpenSampleCallAsync();
        _kenya = await _focalPoints.InviteAsync(_callId, "KEN");
        _france = await _focalPoints.InviteAsync(_callId, "FRA");
        _offerId = await App.SubmitWithLetterAsync(_callId, r => r.Invited(_kenya.Token), "Kenya by token", SampleOffers.Kenya());
        var offer = await App.SendAsync(LocalRequest.Get().Invited(_kenya.Token), r => App.Offers.GetOffer(r, _callId, _offerId, default));
        _attachmentId = offer.Json.GetProperty("attachments")[0].GetProperty("id").GetString()!;

        _otherCallToken = (await _focalPoints.InviteAsync(await App.OpenSampleCallAsync(), "KEN")).Token;
        var revoked = await _focalPoints.InviteAsync(_callId, "KEN");
        (await App.SendAsync(LocalRequest.Post().As(Callers.Secretariat).IfMatch(revoked.ETag), r => App.Invitations.RevokeInvitation(r, _callId, revoked.Id, default)))
            .Expect(200, "revoke an invitation");
        _revokedToken = revoked.Token;
        // Signed with the app's own key for Kenya's live invitation, only already expired.
        _expiredToken = App.Service<MemberStateTokens>().Sign(new MemberStateToken(_callId, "KEN", _kenya.Id, App.Clock.GetUtcNow().AddSeconds(-1)));
        // Kenya's MAC over a payload naming France.
        var kenya = _kenya.Token.Split('.');
        _tamperedToken = string.Join('.', kenya[0], kenya[1], _france.Token.Split('.')[2], kenya[3]);
    }

    public async Task DisposeAsync() => await _focalPoints.DisposeAsync();

    /// <summary>A caller and what each row expects of them; a forger must never get a 2xx.</summary>
    private sealed record Asker(string Name, Func<LocalRequest, LocalRequest> SignIn, Func<Row, int?> Expected, bool Forger = false);

    private int _forgedRequests;
    private int _forgedAccepted;

    /// <summary>
    /// Statuses for nobody, Kenya, France, the reviewer and the secretariat (null: not asked); a focal point by token
    /// gets what they get by the development scheme; <paramref name="OtherCall"/> is Kenya with a token of another call.
    /// </summary>
    private sealed record Row(string Endpoint, Func<LocalRequest> Request, Func<HttpRequest, Task<IActionResult>> Function, int?[] Expected, int? OtherCall);

    private IEnumerable<Asker> Everyone() =>
    [
        new("nobody", r => r, row => row.Expected[0]),
        new("Kenya (development)", r => r.As(Callers.Kenya), row => row.Expected[1]),
        new("France (development)", r => r.As(Callers.France), row => row.Expected[2]),
        new("the reviewer", r => r.As(Callers.GermanReviewer), row => row.Expected[3]),
        new("the secretariat", r => r.As(Callers.Secretariat), row => row.Expected[4]),
        new("Kenya (token)", r => r.Invited(_kenya.Token), row => row.Expected[1]),
        new("France (token)", r => r.Invited(_france.Token), row => row.Expected[2]),
        new("Kenya (token of another call)", r => r.Invited(_otherCallToken), row => row.OtherCall),
        new("Kenya (revoked token)", r => r.Invited(_revokedToken), _ => 401),
        new("Kenya (expired token)", r => r.Invited(_expiredToken), _ => 401),
        new("Kenya (tampered token)", r => r.Invited(_tamperedToken), _ => 401),
        new("the secretariat (Entra token)", r => r.Bearer(Staff(["Secretariat"])), row => row.Expected[4]),
        new("the secretariat (portal id token)", r => r.With(CallerResolver.IdTokenHeader, Staff(["Secretariat"])), row => row.Expected[4]),
        new("the reviewer (Entra token)", r => r.Bearer(Staff(["Reviewer"], "DEU")), row => row.Expected[3]),
        new("a forged principal header, no token", r => r.With(CallerResolver.ClientPrincipalHeader, ForgedPrincipal), _ => 401, Forger: true),
        new("a forged principal header beside the development header", r => r.As(Callers.Secretariat).With(CallerResolver.ClientPrincipalHeader, ForgedPrincipal), _ => 401, Forger: true),
        new("an expired Entra token", r => r.Bearer(Tenant.Token(["Secretariat"], now: App.Clock.GetUtcNow().AddHours(-3))), _ => 401, Forger: true),
        new("an Entra token of another tenant", r => r.Bearer(Tenant.Token(["Secretariat"], now: App.Clock.GetUtcNow(), issuer: $"https://login.microsoftonline.com/{Guid.NewGuid():D}/v2.0")), _ => 401, Forger: true),
        new("an Entra token for another app", r => r.Bearer(Tenant.Token(["Secretariat"], now: App.Clock.GetUtcNow(), audience: "api://another-app")), _ => 401, Forger: true),
        new("an Entra token signed by an unknown key", r => r.Bearer(Tenant.Token(["Secretariat"], now: App.Clock.GetUtcNow(), key: EntraStandIn.NewKey())), _ => 401, Forger: true),
        new("an unsigned token (alg none)", r => r.Bearer(Tenant.UnsignedToken(["Secretariat"], App.Clock.GetUtcNow())), _ => 401, Forger: true),
        new("an HS256 token keyed with the public key", r => r.Bearer(Tenant.HmacTokenWithThePublicKey(["Secretariat"], App.Clock.GetUtcNow())), _ => 401, Forger: true),
        new("the secretariat from another site's page", r => r.As(Callers.Secretariat).With("Sec-Fetch-Site", "cross-site"), ChangesOnly(403), Forger: true),
        new("the secretariat with another origin", r => r.As(Callers.Secretariat).With("Origin", "https://hostile.example"), ChangesOnly(403), Forger: true),
        new("the secretariat from a sandboxed page (Origin null)", r => r.As(Callers.Secretariat).With("Origin", "null"), ChangesOnly(403), Forger: true),
        new("the secretariat with a form body", r => r.As(Callers.Secretariat) with { ContentType = "text/plain" }, ChangesOnly(415), Forger: true),
        new("the secretariat with a urlencoded form", r => r.As(Callers.Secretariat) with { ContentType = "application/x-www-form-urlencoded" }, ChangesOnly(415), Forger: true),
    ];

    private EntraStandIn Tenant => _focalPoints.Tenant;

    private static string ForgedPrincipal => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(
        $$"""{"auth_typ":"aad","claims":[{"typ":"oid","val":"{{StaffObjectId}}"},{"typ":"roles","val":"Secretariat"}]}"""));

    private string Staff(string[] roles, string? nationality = null) =>
        Tenant.Token(roles, StaffObjectId, now: App.Clock.GetUtcNow(),
            claims: nationality is null ? null : new Dictionary<string, object> { ["nationality"] = nationality });

    /// <summary>Refused with this status when the row changes something; reads are not a browser's cross-site risk.</summary>
    private static Func<Row, int?> ChangesOnly(int status) => row => row.Request().Method is "GET" ? null : status;

    private IEnumerable<Row> WhileOpen()
    {
        var offer = SampleOffers.Kenya();
        var review = new { scores = new object[] { new { criterion = "Venue", score = 5 }, new { criterion = "Logistics", score = 5 }, new { criterion = "Security", score = 5 }, new { criterion = "Overall", score = 5 } } };
        var invitation = new { memberState = "BRA", email = "focal.point@bra.example", language = "es" };
        CallFunctions calls = App.Calls;
        OfferFunctions offers = App.Offers;
        yield return new("GetCall", LocalRequest.Get, r => calls.GetCall(r, _callId, default), [200, 200, 200, 200, 200], 404);
        yield return new("ListOpenCalls", LocalRequest.Get, r => calls.ListOpenCalls(r, default), [200, 200, 200, 200, 200], 200);
        yield return new("CreateCall", () => LocalRequest.Raw("POST", LocalApp.SampleCallJson()), r => calls.CreateCall(r, default), [401, 403, 403, 403, null], 403);
        yield return new("UpdateCall", () => LocalRequest.Raw("PUT", LocalApp.SampleCallJson()).IfMatch(StaleETag), r => calls.UpdateCall(r, _callId, default), [401, 403, 403, 403, 409], 403);
        yield return new("OpenCall", () => LocalRequest.Post().IfMatch(StaleETag), r => calls.OpenCall(r, _callId, default), [401, 403, 403, 403, 409], 403);
        yield return new("SubmitOffer (another call)", () => LocalRequest.Post(offer), r => offers.SubmitOffer(r, "0190c0de00007000800000000000dead", default), [401, 404, 404, 403, 403], 404);
        yield return new("ListOffers", LocalRequest.Get, r => offers.ListOffers(r, _callId, default), [401, 200, 200, 403, 403], 404);
        yield return new("GetOffer", LocalRequest.Get, r => offers.GetOffer(r, _callId, _offerId, default), [401, 200, 404, 404, 404], 404);
        yield return new("ReviseOffer", () => LocalRequest.Put(offer).IfMatch(StaleETag), r => offers.ReviseOffer(r, _callId, _offerId, default), [401, 412, 404, 403, 403], 404);
        yield return new("WithdrawOffer", () => LocalRequest.Post().IfMatch(StaleETag), r => offers.WithdrawOffer(r, _callId, _offerId, default), [401, 412, 404, 403, 403], 404);
        yield return new("CountOffers", LocalRequest.Get, r => offers.CountOffers(r, _callId, default), [401, 403, 403, 403, 200], 403);
        yield return new("AddAttachment", () => LocalRequest.File(LocalApp.MinimalPdf).WithQuery("kind", "VenueDescription").IfMatch(StaleETag), r => App.Attachments.AddAttachment(r, _callId, _offerId, default), [401, 412, 404, 403, 403], 404);
        yield return new("DownloadAttachment", LocalRequest.Get, r => App.Attachments.DownloadAttachment(r, _callId, _offerId, _attachmentId, default), [401, 200, 404, 404, 404], 404);
        yield return new("RemoveAttachment", () => LocalRequest.Delete().IfMatch(StaleETag), r => App.Attachments.RemoveAttachment(r, _callId, _offerId, _attachmentId, default), [401, 412, 404, 403, 403], 404);
        yield return new("SaveReview", () => LocalRequest.Put(review), r => App.Reviews.SaveReview(r, _callId, _offerId, default), [401, 403, 403, 409, 403], 403);
        yield return new("ListReviews", LocalRequest.Get, r => App.Reviews.ListReviews(r, _callId, _offerId, default), [401, 403, 403, 404, 404], 403);
        yield return new("GetRanking", LocalRequest.Get, r => App.Rankings.GetRanking(r, _callId, default), [401, 403, 403, 403, 409], 403);
        yield return new("RankWhatIf", () => LocalRequest.Post(new { rules = new { reservesPerMeeting = 1 } }), r => App.Rankings.RankWhatIf(r, _callId, default), [401, 403, 403, 403, 409], 403);
        yield return new("ExportRanking", LocalRequest.Get, r => App.Rankings.ExportRanking(r, _callId, default), [401, 403, 403, 403, 409], 403);
        yield return new("DecideCall", () => LocalRequest.Post(new { rankingVersion = 1 }).IfMatch(StaleETag), r => App.Decisions.DecideCall(r, _callId, default), [401, 403, 403, 403, 409], 403);
        yield return new("AnswerAsHost", () => LocalRequest.Post(new { confirm = true }), r => App.Decisions.AnswerAsHost(r, _callId, _offerId, default), [401, 409, 404, 403, 403], 404);
        yield return new("ListNotifications", LocalRequest.Get, r => App.Notifications.ListNotifications(r, _callId, default), [401, 403, 403, 403, 200], 403);
        yield return new("RedriveNotification", () => LocalRequest.Post().IfMatch(StaleETag), r => App.Notifications.RedriveNotification(r, _callId, $"{_offerId}-receipt-1", default), [401, 403, 403, 403, 409], 403);
        yield return new("GetAuditTrail", LocalRequest.Get, r => App.Audit.GetAuditTrail(r, _callId, default), [401, 403, 403, 403, 200], 403);
        yield return new("VerifyAuditTrail", LocalRequest.Get, r => App.Audit.VerifyAuditTrail(r, _callId, default), [401, 403, 403, 403, 200], 403);
        yield return new("ReceiveSendGridEvents (unsigned)", () => LocalRequest.Raw("POST", "[]"), r => App.Notifications.ReceiveSendGridEvents(r, default), [401, 401, 401, 401, 401], 401);
        yield return new("InviteFocalPoint", () => LocalRequest.Post(invitation), r => App.Invitations.InviteFocalPoint(r, _callId, default), [401, 403, 403, 403, 201], 403);
        yield return new("ListInvitations", LocalRequest.Get, r => App.Invitations.ListInvitations(r, _callId, default), [401, 403, 403, 403, 200], 403);
        yield return new("RevokeInvitation", () => LocalRequest.Post().IfMatch(StaleETag), r => App.Invitations.RevokeInvitation(r, _callId, _kenya.Id, default), [401, 403, 403, 403, 412], 403);
        // Sealed: even the secretariat does not see the offer, so cannot confirm its addresses yet.
        yield return new("ConfirmOfferContacts", () => LocalRequest.Post(Contacts).IfMatch(StaleETag), r => App.Contacts.ConfirmOfferContacts(r, _callId, _offerId, default), [401, 403, 403, 403, 404], 403);
        yield return new("GetMe", LocalRequest.Get, r => App.Me.GetMe(r), [200, 200, 200, 200, 200], 200);
    }

    /// <summary>The addresses typed into Kenya's offer, as the secretariat would confirm them.</summary>
    private static readonly object Contacts = new { emails = new[] { "focal.point@mfa.go.ke", "mission@kenya-un.example" } };

    /// <summary>After the call closed: offers are no longer sealed for staff, but still for other states; nobody changes them.</summary>
    private IEnumerable<Row> AfterClose()
    {
        var offer = SampleOffers.Kenya();
        OfferFunctions offers = App.Offers;
        yield return new("ListOffers", LocalRequest.Get, r => offers.ListOffers(r, _callId, default), [401, 200, 200, 200, 200], 404);
        yield return new("GetOffer", LocalRequest.Get, r => offers.GetOffer(r, _callId, _offerId, default), [401, 200, 404, 200, 200], 404);
        yield return new("ReviseOffer", () => LocalRequest.Put(offer).IfMatch(StaleETag), r => offers.ReviseOffer(r, _callId, _offerId, default), [401, 409, 404, 403, 403], 404);
        yield return new("WithdrawOffer", () => LocalRequest.Post().IfMatch(StaleETag), r => offers.WithdrawOffer(r, _callId, _offerId, default), [401, 409, 404, 403, 403], 404);
        yield return new("SubmitOffer", () => LocalRequest.Post(offer), r => offers.SubmitOffer(r, _callId, default), [401, 409, 409, 403, 403], 404);
        yield return new("AddAttachment", () => LocalRequest.File(LocalApp.MinimalPdf).WithQuery("kind", "VenueDescription").IfMatch(StaleETag), r => App.Attachments.AddAttachment(r, _callId, _offerId, default), [401, 409, 404, 403, 403], 404);
        yield return new("DownloadAttachment", LocalRequest.Get, r => App.Attachments.DownloadAttachment(r, _callId, _offerId, _attachmentId, default), [401, 200, 404, 200, 200], 404);
        yield return new("RemoveAttachment", () => LocalRequest.Delete().IfMatch(StaleETag), r => App.Attachments.RemoveAttachment(r, _callId, _offerId, _attachmentId, default), [401, 409, 404, 403, 403], 404);
        yield return new("InviteFocalPoint", () => LocalRequest.Post(new { memberState = "BRA", email = "focal.point@bra.example", language = "es" }), r => App.Invitations.InviteFocalPoint(r, _callId, default), [401, 403, 403, 403, 409], 403);
        yield return new("ConfirmOfferContacts", () => LocalRequest.Post(Contacts).IfMatch(StaleETag), r => App.Contacts.ConfirmOfferContacts(r, _callId, _offerId, default), [401, 403, 403, 403, 412], 403);
        yield return new("GetMe", LocalRequest.Get, r => App.Me.GetMe(r), [200, 200, 200, 200, 200], 200);
    }

    private async Task<List<string>> AskEveryoneAsync(IEnumerable<Row> rows)
    {
        var failures = new List<string>();
        foreach (var row in rows)
        {
            foreach (var asker in Everyone())
            {
                if (asker.Expected(row) is not { } status)
                {
                    continue;
                }

                var response = await App.SendAsync(asker.SignIn(row.Request()), row.Function);
                if (asker.Forger)
                {
                    _forgedRequests++;
                    _forgedAccepted += response.Status is >= 200 and < 300 ? 1 : 0;
                }

                if (response.Status != status)
                {
                    failures.Add($"{row.Endpoint} as {asker.Name}: expected {status}, got {response}");
                }
                else if (status >= 400 && !response.ContentType.StartsWith("application/problem+json", StringComparison.Ordinal))
                {
                    failures.Add($"{row.Endpoint} as {asker.Name}: {status} without a problem document");
                }
                else if (new[] { _kenya.Token, _france.Token, _otherCallToken, _revokedToken, _expiredToken, _tamperedToken }.Any(t => response.Text.Contains(t.Split('.')[3], StringComparison.Ordinal)))
                {
                    failures.Add($"{row.Endpoint} as {asker.Name}: the answer repeats a token");
                }
            }
        }

        return failures;
    }

    private Task<LocalResponse> KenyasOfferAsync() =>
        App.SendAsync(LocalRequest.Get().As(Callers.Kenya), r => App.Offers.GetOffer(r, _callId, _offerId, default));

    [Fact]
    public async Task Every_endpoint_answers_each_caller_as_it_should_and_nothing_changes_while_the_call_is_open()
    {
        var before = await KenyasOfferAsync();

        var failures = await AskEveryoneAsync(WhileOpen());

        Figures.Print(output, "identity_forgery", ("requests", _forgedRequests), ("accepted", _forgedAccepted));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(0, _forgedAccepted);
        var after = await KenyasOfferAsync();
        Assert.Equal(before.Text, after.Text);
        var call = await App.SendAsync(LocalRequest.Get().As(Callers.Secretariat), r => App.Calls.GetCall(r, _callId, default));
        Assert.Equal("Open", call.Json.GetProperty("status").GetString());
        var invitations = await App.SendAsync(LocalRequest.Get().As(Callers.Secretariat), r => App.Invitations.ListInvitations(r, _callId, default));
        Assert.Equal("Active", invitations.Json.EnumerateArray().Single(i => i.GetProperty("id").GetString() == _kenya.Id).GetProperty("status").GetString());
    }

    [Fact]
    public async Task After_close_another_states_offer_is_still_not_there_and_nobody_changes_one()
    {
        await App.CloseSampleCallsAsync();
        var before = await KenyasOfferAsync();
        Assert.Equal("Closed", before.Json.GetProperty("status").GetString());

        var failures = await AskEveryoneAsync(AfterClose());

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before.Text, (await KenyasOfferAsync()).Text);
        var france = await App.SendAsync(LocalRequest.Get().Invited(_france.Token), r => App.Offers.ListOffers(r, _callId, default));
        Assert.Empty(france.Json.EnumerateArray());
        var invitations = await App.SendAsync(LocalRequest.Get().As(Callers.Secretariat), r => App.Invitations.ListInvitations(r, _callId, default));
        Assert.All(invitations.Json.EnumerateArray(), i => Assert.Empty(i.GetProperty("confirmedEmails").EnumerateArray()));
    }
}
