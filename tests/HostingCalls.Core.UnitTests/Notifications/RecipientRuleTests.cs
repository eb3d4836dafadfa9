using HostingCalls.Core.Calls;
using HostingCalls.Core.Invitations;
using HostingCalls.Core.Notifications;
using HostingCalls.Core.Offers;
using HostingCalls.Core.UnitTests.Invitations;
using HostingCalls.Core.UnitTests.Judging;

namespace HostingCalls.Core.UnitTests.Notifications;

public class RecipientRuleTests
{
    private static readonly Call Call = Samples.Call();

    private static readonly Invitation Kenya = RecordedInvitations.For(Call.Id, "KEN", "invited@mfa.go.ke", id: "inv-ken");

    /// <summary>Kenya's offer, submitted through <see cref="Kenya"/>'s link, with addresses of its own typed in.</summary>
    private static Offer Typed(string focalPoint = "typed@elsewhere.example", string? mission = "typed.mission@elsewhere.example") =>
        JudgedOffers.Make("KEN", "EGM-1", call: Call).WithDetails(d => d with { FocalPoint = d.FocalPoint with { Email = focalPoint }, PermanentMissionEmail = mission })
            with { SubmittedBy = "invitation-inv-ken" };

    [Fact]
    public void An_address_typed_into_an_offer_is_not_mailed()
    {
        var recipients = RecipientRule.ForOffer(Typed(), [Kenya])!;

        Assert.Equal(["invited@mfa.go.ke"], recipients.All);
    }

    [Fact]
    public void The_permanent_mission_address_the_secretariat_gave_on_the_invitation_is_copied()
    {
        var recipients = RecipientRule.ForOffer(Typed(), [Kenya with { PermanentMissionEmail = "mission@kenya-un.example" }])!;

        Assert.Equal("invited@mfa.go.ke", recipients.To);
        Assert.Equal(["mission@kenya-un.example"], recipients.Cc);
    }

    [Fact]
    public void A_typed_address_the_secretariat_confirmed_is_mailed_and_the_other_one_is_not()
    {
        var recipients = RecipientRule.ForOffer(Typed(), [Kenya with { ConfirmedEmails = ["TYPED@elsewhere.example"] }])!;

        Assert.Equal(["invited@mfa.go.ke", "typed@elsewhere.example"], recipients.All);
    }

    [Fact]
    public void A_confirmed_address_the_offer_no_longer_carries_is_not_mailed_about_it()
    {
        var recipients = RecipientRule.ForOffer(Typed(focalPoint: "new@elsewhere.example"), [Kenya with { ConfirmedEmails = ["typed@elsewhere.example"] }])!;

        Assert.Equal(["invited@mfa.go.ke"], recipients.All);
    }

    [Fact]
    public void An_address_is_mailed_once_even_when_recorded_twice()
    {
        var invitation = Kenya with { PermanentMissionEmail = "typed.mission@elsewhere.example", ConfirmedEmails = ["typed.mission@elsewhere.example", "invited@mfa.go.ke"] };

        var recipients = RecipientRule.ForOffer(Typed(focalPoint: "invited@mfa.go.ke"), [invitation])!;

        Assert.Equal(["invited@mfa.go.ke", "typed.mission@elsewhere.example"], recipients.All);
    }

    [Fact]
    public void Another_states_invitation_is_never_used()
    {
        var france = RecordedInvitations.For(Call.Id, "FRA", "fp@diplomatie.example", id: "inv-ken");

        Assert.Null(RecipientRule.ForOffer(Typed(), [france]));
    }

    [Fact]
    public void Without_any_invitation_of_its_state_an_offer_has_nobody_to_mail()
    {
        Assert.Null(RecipientRule.ForOffer(Typed() with { SubmittedBy = "dev-KEN" }, []));
    }

    [Fact]
    public void An_offer_made_without_a_link_goes_to_the_states_latest_active_invitation()
    {
        var older = RecordedInvitations.For(Call.Id, "KEN", "older@mfa.go.ke", id: "inv-1", issuedAt: DateTimeOffset.Parse("2023-09-20T08:00:00Z"));
        var newer = RecordedInvitations.For(Call.Id, "KEN", "newer@mfa.go.ke", id: "inv-2", issuedAt: DateTimeOffset.Parse("2023-09-25T08:00:00Z"));
        var revoked = RecordedInvitations.For(Call.Id, "KEN", "revoked@mfa.go.ke", id: "inv-3", issuedAt: DateTimeOffset.Parse("2023-09-28T08:00:00Z")) with { Status = InvitationStatus.Revoked };

        Assert.Equal("newer@mfa.go.ke", RecipientRule.ForOffer(Typed() with { SubmittedBy = "dev-KEN" }, [older, newer, revoked])!.To);
    }

    [Fact]
    public void An_offer_made_through_a_link_stays_with_that_invitation_even_once_it_is_revoked()
    {
        var own = Kenya with { Status = InvitationStatus.Revoked };
        var later = RecordedInvitations.For(Call.Id, "KEN", "later@mfa.go.ke", id: "inv-later", issuedAt: DateTimeOffset.Parse("2023-10-01T08:00:00Z"));

        Assert.Equal("invited@mfa.go.ke", RecipientRule.ForOffer(Typed(), [own, later])!.To);
    }
}
