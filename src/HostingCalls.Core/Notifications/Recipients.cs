using HostingCalls.Core.Invitations;
using HostingCalls.Core.Offers;

namespace HostingCalls.Core.Notifications;

/// <summary>Who one email goes to: one addressee and its copies, every one an address the secretariat recorded.</summary>
public sealed record Recipients(string To, string? ToName, IReadOnlyList<string> Cc)
{
    /// <summary>Every address, the addressee first.</summary>
    public IEnumerable<string> All => Cc.Prepend(To);
}

/// <summary>
/// The one rule of who gets an email, so the app never relays mail to an address a caller typed. About an offer: the
/// focal point's address on the invitation it was made through (for an offer made without one, the state's latest
/// active invitation to the call), the Permanent Mission address the secretariat gave on it, and the addresses of the
/// state's offers the secretariat confirmed there. An address typed into an offer is mailed only once confirmed.
/// </summary>
public static class RecipientRule
{
    /// <summary>The prefix of the caller id of a focal point signed in by invitation (see <c>Caller.Invited</c>).</summary>
    private const string InvitedCaller = "invitation-";

    public static Recipients ForSecretariat(string secretariatEmail) => new(secretariatEmail, "Secretariat", []);

    /// <summary>An invitation's own email carries its sign-in link: to its focal point alone.</summary>
    public static Recipients ForInvitation(Invitation invitation) => new(invitation.Email, invitation.Name, []);

    /// <summary>Who hears of <paramref name="offer"/>, from the call's invitations; null when the secretariat recorded nobody.</summary>
    public static Recipients? ForOffer(Offer offer, IReadOnlyList<Invitation> invitations)
    {
        if (InvitationOf(offer, invitations) is not { } invitation)
        {
            return null;
        }

        var copies = new List<string>();
        foreach (var address in (string?[])[invitation.PermanentMissionEmail, .. Confirmed(offer, invitation)])
        {
            if (address is not null && !string.Equals(address, invitation.Email, StringComparison.OrdinalIgnoreCase)
                && !copies.Contains(address, StringComparer.OrdinalIgnoreCase))
            {
                copies.Add(address);
            }
        }

        return new Recipients(invitation.Email, invitation.Name ?? offer.Details.FocalPoint.Name, copies);
    }

    /// <summary>
    /// The invitation an offer's addresses are recorded on: the one it was submitted through, else (an offer made
    /// without a token) the state's latest active invitation to the call. A revoked invitation's link stops working,
    /// not its addresses: the offer made through it is still told of its result there.
    /// </summary>
    public static Invitation? InvitationOf(Offer offer, IReadOnlyList<Invitation> invitations)
    {
        var ownId = offer.SubmittedBy.StartsWith(InvitedCaller, StringComparison.Ordinal) ? offer.SubmittedBy[InvitedCaller.Length..] : null;
        var mine = invitations.Where(i => i.CallId == offer.CallId && i.MemberState == offer.MemberState).ToList();
        return mine.FirstOrDefault(i => i.Id == ownId)
            ?? mine.Where(i => i.Status == InvitationStatus.Active).OrderByDescending(i => i.IssuedAt).ThenByDescending(i => i.Id, StringComparer.Ordinal).FirstOrDefault();
    }

    /// <summary>The offer's typed addresses (focal point first, then the mission's).</summary>
    public static IEnumerable<string> TypedAddresses(Offer offer) =>
        ((string?[])[offer.Details.FocalPoint.Email, offer.Details.PermanentMissionEmail]).OfType<string>();

    /// <summary>Those of the offer's typed addresses the secretariat confirmed on its invitation.</summary>
    private static IEnumerable<string> Confirmed(Offer offer, Invitation invitation) =>
        TypedAddresses(offer).Where(a => invitation.ConfirmedEmails.Contains(a, StringComparer.OrdinalIgnoreCase));
}
