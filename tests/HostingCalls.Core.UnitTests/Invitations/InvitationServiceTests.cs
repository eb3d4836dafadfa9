using System.Text;
using HostingCalls.Core.Access;
using HostingCalls.Core.Calls;
using HostingCalls.Core.Common;
using HostingCalls.Core.Invitations;
using HostingCalls.Core.Notifications;
using HostingCalls.Core.UnitTests.Notifications;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace HostingCalls.Core.UnitTests.Invitations;

public class InvitationServiceTests
{
    private const string PortalUrl = "https://portal.example/hosting";
    private static readonly Caller Secretariat = Caller.Secretariat("sec-1");
    private static readonly string Key = Convert.ToBase64String(Encoding.ASCII.GetBytes("unit-test-key-unit-test-key-0001"));
    private readonly Call _call = Samples.Call();
    private readonly FakeTimeProvider _clock;
    private readonly Mock<INotificationQueue> _queue = new();
    private readonly InMemoryNotificationLedger _ledger = new();
    private readonly InMemoryInvitationStore _store;
    private readonly MemberStateTokens _tokens;
    private readonly FocalPointSignIn _signIn;
    private readonly InvitationService _service;
    private readonly InvitationMail _mail;

    public InvitationServiceTests()
    {
        _clock = new FakeTimeProvider(_call.OpensAt.AddDays(3));
        _store = new InMemoryInvitationStore(_ledger);
        var calls = new Mock<ICallStore>();
        calls.Setup(c => c.FindAsync(_call.Id, It.IsAny<CancellationToken>())).ReturnsAsync(new Stored<Call>(_call, "call-etag"));
        var outbox = new NotificationOutbox(_queue.Object, _ledger, _clock, NullLogger<NotificationOutbox>.Instance);
        _tokens = new MemberStateTokens(TokenSigningKeys.Parse($"k1:{Key}", "keys"), _clock);
        var options = new InvitationOptions { PortalUrl = PortalUrl };
        _signIn = new FocalPointSignIn(_tokens, _store, _clock);
        _service = new InvitationService(calls.Object, _store, _ledger, outbox, _tokens, options, _signIn, _clock);
        _mail = new InvitationMail(_store, _tokens, options);
    }

    private static InvitationInput Kenya(string language = "fr") =>
        new() { MemberState = "KEN", Email = "focal.point@mfa.go.ke", Language = language, Name = "Wanjiru <b>Kamau</b>" };

    private async Task<string> TokenOfAsync(InvitationView view)
    {
        var email = await _mail.ComposeAsync(_call, _ledger[$"{view.Id}-invitation-1"], default);
        var link = email.Content.Text.Split('\n').Single(l => l.Contains(InvitationMail.Fragment, StringComparison.Ordinal));
        return link[(link.IndexOf(InvitationMail.Fragment, StringComparison.Ordinal) + InvitationMail.Fragment.Length)..];
    }

    [Fact]
    public async Task An_invitation_is_stored_with_its_email_queued_and_the_answer_carries_no_token()
    {
        var view = await _service.InviteAsync(Secretariat, _call.Id, Kenya(), default);

        Assert.Equal(("KEN", "focal.point@mfa.go.ke", "fr", InvitationStatus.Active, "sec-1"), (view.MemberState, view.Email, view.Language, view.Status, view.IssuedBy));
        Assert.Equal(NotificationStatus.Queued, view.NotificationStatus);
        var email = _ledger[$"{view.Id}-invitation-1"];
        Assert.Equal((NotificationKind.Invitation, view.Id, (string?)null), (email.Kind, email.InvitationId, email.OfferId));
        _queue.Verify(q => q.EnqueueAsync(email.Message, It.IsAny<CancellationToken>()), Times.Once);
        var token = await TokenOfAsync(view);
        Assert.DoesNotContain(token, System.Text.Json.JsonSerializer.Serialize(view, ApiJson.Options));
    }

    [Fact]
    public async Task The_permanent_mission_address_given_on_the_invitation_is_kept_in_its_stored_form()
    {
        var view = await _service.InviteAsync(Secretariat, _call.Id, new InvitationInput
        {
            MemberState = "KEN", Email = "focal.point@mfa.go.ke", Language = "en", PermanentMissionEmail = " mission@münchen.example ",
        }, default);

        Assert.Equal("mission@münchen.example", view.PermanentMissionEmail);
        Assert.Equal("mission@xn--mnchen-3ya.example", (await _store.FindAsync(_call.Id, view.Id, default))!.Value.PermanentMissionEmail);
    }

    [Theory]
    [InlineData("Mission <mission@kenya-un.example>")]
    [InlineData("mission@kenya-un.example, relay@else.example")]
    [InlineData("not-an-address")]
    public async Task A_permanent_mission_address_that_is_not_one_plain_address_is_refused(string mission)
    {
        var refused = await Assert.ThrowsAsync<Rejection>(() => _service.InviteAsync(Secretariat, _call.Id, new InvitationInput
        {
            MemberState = "KEN", Email = "focal.point@mfa.go.ke", Language = "en", PermanentMissionEmail = mission,
        }, default));

        Assert.Contains("permanentMissionEmail", refused.Errors.Keys);
        Assert.Empty(await _store.ListAsync(_call.Id, default));
    }

    [Fact]
    public async Task The_token_lasts_past_the_results_and_the_time_a_host_has_to_confirm()
    {
        var view = await _service.InviteAsync(Secretariat, _call.Id, Kenya(), default);

        Assert.Equal(_call.ResultsDate.AddDays(_call.HostConfirmationDays + 30), view.ExpiresAt);
        Assert.Equal(view.ExpiresAt, _tokens.Verify(await TokenOfAsync(view))!.ExpiresAt);
    }

    [Fact]
    public async Task The_email_links_to_the_portal_with_the_token_in_the_fragment_in_the_invited_language()
    {
        var view = await _service.InviteAsync(Secretariat, _call.Id, Kenya("fr"), default);

        var email = await _mail.ComposeAsync(_call, _ledger[$"{view.Id}-invitation-1"], default);

        Assert.Equal("focal.point@mfa.go.ke", email.To);
        Assert.Empty(email.Cc);
        Assert.StartsWith("Invitation à soumettre des offres – ", email.Content.Subject, StringComparison.Ordinal);
        Assert.Contains($"{PortalUrl}#invitation=v1.k1.", email.Content.Html);
        Assert.Contains("Wanjiru &lt;b&gt;Kamau&lt;/b&gt;", email.Content.Html);
        Assert.Equal(new MemberStateToken(_call.Id, "KEN", view.Id, view.ExpiresAt), _tokens.Verify(await TokenOfAsync(view)));
    }

    [Fact]
    public async Task The_same_state_may_be_invited_twice_each_with_its_own_token()
    {
        var first = await _service.InviteAsync(Secretariat, _call.Id, Kenya(), default);
        var second = await _service.InviteAsync(Secretariat, _call.Id, Kenya(), default);

        Assert.NotEqual(first.Id, second.Id);
        Assert.NotEqual(await TokenOfAsync(first), await TokenOfAsync(second));
        Assert.Equal(2, (await _service.ListAsync(Secretariat, _call.Id, default)).Count);
    }

    [Fact]
    public async Task Bad_input_names_every_field_and_stores_nothing()
    {
        var input = new InvitationInput { MemberState = "ken", Email = "not an address", Language = "de", Name = "line\nbreak" };

        var refused = await Assert.ThrowsAsync<Rejection>(() => _service.InviteAsync(Secretariat, _call.Id, input, default));

        Assert.Equal(RejectionKind.Invalid, refused.Kind);
        Assert.Equal(["email", "language", "memberState", "name"], refused.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(await _store.ListAsync(_call.Id, default));
    }

    [Fact]
    public async Task Only_the_secretariat_invites_lists_and_revokes()
    {
        var kenya = Caller.FocalPoint("KEN", "fp");
        var reviewer = Caller.Reviewer("r", "DEU");
        var view = await _service.InviteAsync(Secretariat, _call.Id, Kenya(), default);

        foreach (var caller in new[] { kenya, reviewer, Caller.Anonymous })
        {
            var kind = caller == Caller.Anonymous ? RejectionKind.Unauthenticated : RejectionKind.Forbidden;
            Assert.Equal(kind, (await Assert.ThrowsAsync<Rejection>(() => _service.InviteAsync(caller, _call.Id, Kenya(), default))).Kind);
            Assert.Equal(kind, (await Assert.ThrowsAsync<Rejection>(() => _service.ListAsync(caller, _call.Id, default))).Kind);
            Assert.Equal(kind, (await Assert.ThrowsAsync<Rejection>(() => _service.RevokeAsync(caller, _call.Id, view.Id, view.ETag, default))).Kind);
        }

        Assert.Single(await _store.ListAsync(_call.Id, default));
    }

    [Fact]
    public async Task A_draft_call_invites_nobody_until_it_is_open_since_its_dates_may_still_change()
    {
        var draft = Samples.Call(CallStatus.Draft);
        var calls = new Mock<ICallStore>();
        calls.Setup(c => c.FindAsync(draft.Id, It.IsAny<CancellationToken>())).ReturnsAsync(new Stored<Call>(draft, "call-etag"));
        var outbox = new NotificationOutbox(_queue.Object, _ledger, _clock, NullLogger<NotificationOutbox>.Instance);
        var service = new InvitationService(calls.Object, _store, _ledger, outbox, _tokens, new InvitationOptions { PortalUrl = PortalUrl }, _signIn, _clock);

        var refused = await Assert.ThrowsAsync<Rejection>(() => service.InviteAsync(Secretariat, draft.Id, Kenya(), default));

        Assert.Equal((RejectionKind.Conflict, "The call is not open yet."), (refused.Kind, refused.Title));
        Assert.Equal("Draft", refused.Extensions["callStatus"]);
        Assert.Contains("once it is Open", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await _store.ListAsync(draft.Id, default));
        Assert.Empty(await _ledger.ListAsync(draft.Id, default));
        _queue.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_closed_call_invites_nobody()
    {
        _clock.SetUtcNow(_call.LastAcceptedAt.AddSeconds(1));

        var refused = await Assert.ThrowsAsync<Rejection>(() => _service.InviteAsync(Secretariat, _call.Id, Kenya(), default));

        Assert.Equal(RejectionKind.Conflict, refused.Kind);
    }

    [Fact]
    public async Task A_revocation_needs_the_current_etag_and_kills_the_token_at_once()
    {
        var view = await _service.InviteAsync(Secretariat, _call.Id, Kenya(), default);
        var token = await TokenOfAsync(view);
        Assert.Equal(("KEN", _call.Id), ((await _signIn.SignInAsync(token, default)).MemberState, (await _signIn.SignInAsync(token, default)).CallId));

        Assert.Equal(RejectionKind.PreconditionRequired, (await Assert.ThrowsAsync<Rejection>(() => _service.RevokeAsync(Secretariat, _call.Id, view.Id, null, default))).Kind);
        Assert.Equal(RejectionKind.Stale, (await Assert.ThrowsAsync<Rejection>(() => _service.RevokeAsync(Secretariat, _call.Id, view.Id, "etag-old", default))).Kind);
        var revoked = await _service.RevokeAsync(Secretariat, _call.Id, view.Id, view.ETag, default);

        Assert.Equal((InvitationStatus.Revoked, "sec-1"), (revoked.Status, revoked.RevokedBy));
        Assert.Equal(RejectionKind.Unauthenticated, (await Assert.ThrowsAsync<Rejection>(() => _signIn.SignInAsync(token, default))).Kind);
        Assert.Equal(RejectionKind.Conflict, (await Assert.ThrowsAsync<Rejection>(() => _service.RevokeAsync(Secretariat, _call.Id, view.Id, revoked.ETag, default))).Kind);
    }

    [Fact]
    public async Task An_invitation_revoked_before_its_email_goes_out_sends_no_link()
    {
        var view = await _service.InviteAsync(Secretariat, _call.Id, Kenya(), default);
        await _service.RevokeAsync(Secretariat, _call.Id, view.Id, view.ETag, default);

        await Assert.ThrowsAsync<InvalidDataException>(() => _mail.ComposeAsync(_call, _ledger[$"{view.Id}-invitation-1"], default));
    }

    [Fact]
    public async Task A_revocation_on_another_instance_is_seen_once_the_remembered_status_runs_out()
    {
        var view = await _service.InviteAsync(Secretariat, _call.Id, Kenya(), default);
        var token = await TokenOfAsync(view);
        await _signIn.SignInAsync(token, default);
        var stored = (await _store.FindAsync(_call.Id, view.Id, default))!.Value;

        _store.Put(stored with { Status = InvitationStatus.Revoked });
        await _signIn.SignInAsync(token, default); // still remembered as Active here
        _clock.Advance(FocalPointSignIn.StatusMemory);

        await Assert.ThrowsAsync<Rejection>(() => _signIn.SignInAsync(token, default));
    }

    [Fact]
    public async Task A_signed_token_for_an_invitation_that_does_not_exist_or_names_another_state_is_refused()
    {
        var view = await _service.InviteAsync(Secretariat, _call.Id, Kenya(), default);

        var unknown = _tokens.Sign(new MemberStateToken(_call.Id, "KEN", "0190c0de00007000800000000000ffff", view.ExpiresAt));
        var otherState = _tokens.Sign(new MemberStateToken(_call.Id, "FRA", view.Id, view.ExpiresAt));

        await Assert.ThrowsAsync<Rejection>(() => _signIn.SignInAsync(unknown, default));
        await Assert.ThrowsAsync<Rejection>(() => _signIn.SignInAsync(otherState, default));
    }

    [Fact]
    public async Task A_validly_signed_token_whose_expiry_is_not_its_invitations_is_refused_even_while_the_status_is_remembered()
    {
        var view = await _service.InviteAsync(Secretariat, _call.Id, Kenya(), default);
        var genuine = _tokens.Sign(new MemberStateToken(_call.Id, "KEN", view.Id, view.ExpiresAt));
        var later = _tokens.Sign(new MemberStateToken(_call.Id, "KEN", view.Id, view.ExpiresAt.AddDays(365)));
        var earlier = _tokens.Sign(new MemberStateToken(_call.Id, "KEN", view.Id, view.ExpiresAt.AddSeconds(-1)));

        await Assert.ThrowsAsync<Rejection>(() => _signIn.SignInAsync(later, default)); // read from storage
        await _signIn.SignInAsync(genuine, default);
        var refused = await Assert.ThrowsAsync<Rejection>(() => _signIn.SignInAsync(later, default)); // remembered
        await Assert.ThrowsAsync<Rejection>(() => _signIn.SignInAsync(earlier, default));

        Assert.Equal(RejectionKind.Unauthenticated, refused.Kind);
    }

    [Fact]
    public async Task A_refusal_never_repeats_the_token()
    {
        var token = _tokens.Sign(new MemberStateToken(_call.Id, "KEN", "0190c0de00007000800000000000ffff", _clock.GetUtcNow().AddDays(1)));

        var refused = await Assert.ThrowsAsync<Rejection>(() => _signIn.SignInAsync(token, default));

        Assert.DoesNotContain(token.Split('.')[3], refused.Message + refused.Title);
    }
}
