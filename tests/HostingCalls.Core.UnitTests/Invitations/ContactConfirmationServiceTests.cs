using HostingCalls.Core.Access;
using HostingCalls.Core.Calls;
using HostingCalls.Core.Common;
using HostingCalls.Core.Invitations;
using HostingCalls.Core.Notifications;
using HostingCalls.Core.Offers;
using HostingCalls.Core.UnitTests.Judging;
using HostingCalls.Core.UnitTests.Notifications;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace HostingCalls.Core.UnitTests.Invitations;

public class ContactConfirmationServiceTests
{
    private static readonly Caller Secretariat = Caller.Secretariat("sec-1");
    private readonly Call _call = Samples.Call() with { Status = CallStatus.Closed };
    private readonly InMemoryNotificationLedger _ledger = new();
    private readonly InMemoryInvitationStore _invitations;
    private readonly Mock<IOfferStore> _offers = new();
    private readonly Mock<ICallStore> _calls = new();
    private readonly ContactConfirmationService _service;
    private readonly Offer _offer;
    private readonly Invitation _kenya;

    public ContactConfirmationServiceTests()
    {
        _invitations = new InMemoryInvitationStore(_ledger);
        _kenya = RecordedInvitations.For(_call.Id, "KEN", "invited@mfa.go.ke", id: "inv-ken");
        _invitations.AddAsync(_kenya, Notification.AboutInvitation(_kenya, _call.OpensAt), HostingCalls.Core.Audit.AuditEntries.InvitationChanged(_kenya, HostingCalls.Core.Audit.AuditActor.Of(Secretariat), TimeProvider.System), default).GetAwaiter().GetResult();
        _offer = JudgedOffers.Make("KEN", "EGM-1", call: _call)
            .WithDetails(d => d with { FocalPoint = d.FocalPoint with { Email = "typed@xn--mnchen-3ya.example" }, PermanentMissionEmail = "typed.mission@elsewhere.example" })
            with { SubmittedBy = "invitation-inv-ken" };
        _calls.Setup(c => c.FindAsync(_call.Id, It.IsAny<CancellationToken>())).ReturnsAsync(new Stored<Call>(_call, "call-etag"));
        _offers.Setup(o => o.FindAsync(_call.Id, _offer.Id, It.IsAny<CancellationToken>())).ReturnsAsync(new Stored<Offer>(_offer, "offer-etag"));
        _service = new ContactConfirmationService(_calls.Object, _offers.Object, _invitations, new FakeTimeProvider(_call.Deadline.AddDays(1)));
    }

    private Task<InvitationView> Confirm(string? etag = "offer-etag", Caller? caller = null, params string?[] emails) =>
        _service.ConfirmAsync(caller ?? Secretariat, _call.Id, _offer.Id, new ContactConfirmationInput { Emails = emails }, etag, default);

    private async Task<Invitation> StoredKenya() => (await _invitations.FindAsync(_call.Id, "inv-ken", default))!.Value;

    [Fact]
    public async Task A_confirmed_address_is_recorded_on_the_offers_invitation_and_is_mailed_from_then_on()
    {
        // As shown to the secretariat, in its own script; stored and mailed in its ASCII form.
        var view = await Confirm(emails: "typed@münchen.example");

        Assert.Equal(["typed@münchen.example"], view.ConfirmedEmails);
        Assert.Equal(["typed@xn--mnchen-3ya.example"], (await StoredKenya()).ConfirmedEmails);
        Assert.Equal(["invited@mfa.go.ke", "typed@xn--mnchen-3ya.example"], RecipientRule.ForOffer(_offer, [await StoredKenya()])!.All);
    }

    [Fact]
    public async Task Confirming_again_adds_nothing_twice()
    {
        await Confirm(emails: "typed.mission@elsewhere.example");
        await Confirm(emails: ["typed.mission@elsewhere.example", "typed@xn--mnchen-3ya.example"]);

        Assert.Equal(["typed.mission@elsewhere.example", "typed@xn--mnchen-3ya.example"], (await StoredKenya()).ConfirmedEmails);
    }

    [Theory]
    [InlineData("someone.else@relay.example")]
    [InlineData("not an address")]
    [InlineData(null)]
    public async Task Only_an_address_typed_into_the_offer_can_be_confirmed(string? email)
    {
        var refused = await Assert.ThrowsAsync<Rejection>(() => Confirm(emails: email));

        Assert.Equal(RejectionKind.Invalid, refused.Kind);
        Assert.Contains("emails[0]", refused.Errors.Keys);
        Assert.Empty((await StoredKenya()).ConfirmedEmails);
    }

    [Fact]
    public async Task No_address_at_all_is_refused()
    {
        var refused = await Assert.ThrowsAsync<Rejection>(() => Confirm(emails: []));

        Assert.Equal((RejectionKind.Invalid, "emails"), (refused.Kind, Assert.Single(refused.Errors.Keys)));
    }

    [Fact]
    public async Task It_needs_the_offers_current_etag()
    {
        Assert.Equal(RejectionKind.PreconditionRequired, (await Assert.ThrowsAsync<Rejection>(() => Confirm(etag: null, emails: "typed.mission@elsewhere.example"))).Kind);
        Assert.Equal(RejectionKind.Stale, (await Assert.ThrowsAsync<Rejection>(() => Confirm(etag: "old-etag", emails: "typed.mission@elsewhere.example"))).Kind);
        Assert.Empty((await StoredKenya()).ConfirmedEmails);
    }

    [Fact]
    public async Task Only_the_secretariat_may_confirm()
    {
        Assert.Equal(RejectionKind.Forbidden, (await Assert.ThrowsAsync<Rejection>(() => Confirm(caller: Caller.FocalPoint("KEN", "fp"), emails: "typed.mission@elsewhere.example"))).Kind);
        Assert.Equal(RejectionKind.Forbidden, (await Assert.ThrowsAsync<Rejection>(() => Confirm(caller: Caller.Reviewer("r", "DEU"), emails: "typed.mission@elsewhere.example"))).Kind);
        Assert.Empty((await StoredKenya()).ConfirmedEmails);
    }

    [Fact]
    public async Task A_sealed_offer_is_not_found()
    {
        _calls.Setup(c => c.FindAsync(_call.Id, It.IsAny<CancellationToken>())).ReturnsAsync(new Stored<Call>(_call with { Status = CallStatus.Open }, "call-etag"));

        Assert.Equal(RejectionKind.NotFound, (await Assert.ThrowsAsync<Rejection>(() => Confirm(emails: "typed.mission@elsewhere.example"))).Kind);
    }

    [Fact]
    public async Task Without_an_invitation_of_the_state_there_is_nowhere_to_record_it()
    {
        var brazil = _offer with { MemberState = "BRA", SubmittedBy = "dev-BRA" };
        _offers.Setup(o => o.FindAsync(_call.Id, _offer.Id, It.IsAny<CancellationToken>())).ReturnsAsync(new Stored<Offer>(brazil, "offer-etag"));

        Assert.Equal(RejectionKind.Conflict, (await Assert.ThrowsAsync<Rejection>(() => Confirm(emails: "typed.mission@elsewhere.example"))).Kind);
    }
}
