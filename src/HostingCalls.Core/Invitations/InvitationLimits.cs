using HostingCalls.Core.Access;
using HostingCalls.Core.Common;
using HostingCalls.Core.Offers;

namespace HostingCalls.Core.Invitations;

/// <summary>
/// Fair use of one invitation in its call: how many offers it may submit, how many revisions and how many attachment
/// bytes its offers may carry. Counted over the offers the invitation submitted (and the offer being changed), so a
/// leaked or looping link cannot flood the call, the mailbox or the storage. Only token callers are limited; the
/// secretariat and the development caller are not. Checked before anything is stored.
/// </summary>
public static class InvitationLimits
{
    /// <summary>Whether <paramref name="caller"/> came in by an invitation token, whose limits apply.</summary>
    public static bool Apply(Caller caller) => caller.CallId is not null;

    /// <summary>The caller's invitation's offers in the call, with <paramref name="touching"/> if it is another's.</summary>
    public static async Task<IReadOnlyList<Offer>> OffersOfAsync(IOfferStore offers, Caller caller, string callId, Offer? touching, CancellationToken cancellationToken) =>
        [.. (await offers.ListAsync(callId, caller.MemberState, cancellationToken))
            .Select(s => s.Value)
            .Where(o => o.SubmittedBy == caller.Id || o.Id == touching?.Id)];

    /// <summary>Revisions an offer has had: every version after the first but a withdrawal.</summary>
    public static int RevisionsOf(Offer offer) => offer.Version - 1 - (offer.Status == OfferStatus.Withdrawn ? 1 : 0);

    public static void EnsureOffers(InvitationOptions limits, IReadOnlyList<Offer> offers)
    {
        if (offers.Count >= limits.MaxOffers)
        {
            throw Exceeded("Invitations__MaxOffers", $"An invitation may submit at most {limits.MaxOffers} offers to a call, withdrawn ones included; revise an offer instead.");
        }
    }

    public static void EnsureRevision(InvitationOptions limits, IReadOnlyList<Offer> offers)
    {
        if (offers.Sum(RevisionsOf) >= limits.MaxRevisions)
        {
            throw Exceeded("Invitations__MaxRevisions", $"The offers of an invitation may be revised at most {limits.MaxRevisions} times in all; withdrawing one is still possible.");
        }
    }

    public static void EnsureAttachmentBytes(InvitationOptions limits, IReadOnlyList<Offer> offers, long adding)
    {
        if (offers.Sum(o => o.Attachments.Sum(a => a.Size)) + adding > limits.MaxAttachmentBytes)
        {
            throw Exceeded("Invitations__MaxAttachmentBytes", $"The attachments of an invitation's offers may total at most {limits.MaxAttachmentBytes} bytes; remove a file first.");
        }
    }

    private static Rejection Exceeded(string limit, string detail) =>
        new(RejectionKind.TooMany, $"Limit {limit} reached.", detail, new Dictionary<string, string[]> { [limit] = [detail] });
}
