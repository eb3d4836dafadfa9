using HostingCalls.Core.Access;
using HostingCalls.Core.Audit;
using HostingCalls.Core.Calls;
using HostingCalls.Core.Common;
using HostingCalls.Core.Notifications;
using HostingCalls.Core.Offers;

namespace HostingCalls.Core.Invitations;

/// <summary>
/// The secretariat confirms addresses a focal point typed into an offer. They are recorded on the invitation the
/// offer's emails go through (see <see cref="RecipientRule"/>), so every later email about the offer also goes to
/// them; emails already sent are not sent again.
/// </summary>
public sealed class ContactConfirmationService(ICallStore calls, IOfferStore offers, IInvitationStore invitations, TimeProvider clock)
{
    public const int MaxEmails = 2;

    /// <summary>Confirms <paramref name="input"/>'s addresses of the offer (If-Match of the offer, as the secretariat read it).</summary>
    public async Task<InvitationView> ConfirmAsync(Caller caller, string callId, string offerId, ContactConfirmationInput input, string? ifMatch, CancellationToken cancellationToken)
    {
        caller.EnsureSecretariat();
        var call = (await calls.FindVisibleAsync(caller, callId, cancellationToken)).Value;
        // Sealed offers are not even confirmed to exist, as everywhere else.
        var stored = (Ids.IsWellFormed(offerId) ? await offers.FindAsync(call.Id, offerId, cancellationToken) : null) is { } found && found.Value.IsVisibleTo(caller, call)
            ? found
            : throw Rejection.NotFound("offer");
        var etag = ifMatch ?? throw Rejection.PreconditionRequired("offer");
        var offer = stored.Value;
        var addresses = Addresses(input, offer);
        if (stored.ETag != etag)
        {
            throw Rejection.Stale("offer");
        }

        var all = await invitations.ListAsync(call.Id, cancellationToken);
        var invitation = RecipientRule.InvitationOf(offer, [.. all.Select(i => i.Value)]) is { } chosen ? all.First(i => i.Value.Id == chosen.Id)
            : throw Rejection.Conflict("No invitation to record the address on.",
                $"No focal point of {offer.MemberState} was invited to this call, so there is no invitation to record the offer's address on; addresses are mailed only once the secretariat has recorded them on an invitation.");
        var fields = addresses.Select(a => a.Field).ToList();
        var confirmed = invitation.Value.ConfirmedEmails
            .Concat(addresses.Select(a => a.Email).Where(a => !invitation.Value.ConfirmedEmails.Contains(a, StringComparer.OrdinalIgnoreCase)))
            .ToList();
        var changed = invitation.Value with { ConfirmedEmails = confirmed };
        var saved = await invitations.ReplaceAsync(changed, invitation.ETag,
            AuditEntries.ContactConfirmed(offer, changed, fields, clock.GetUtcNow(), AuditActor.Of(caller), clock), cancellationToken);
        return InvitationView.Of(saved, null);
    }

    /// <summary>Each address named must be one typed into the offer, compared in its stored form.</summary>
    private static List<(string Field, string Email)> Addresses(ContactConfirmationInput input, Offer offer)
    {
        if (input.Emails is not { Count: > 0 and <= MaxEmails } emails)
        {
            throw Rejection.Invalid("emails", $"Required: 1 to {MaxEmails} of the offer's addresses (focalPoint.email, permanentMissionEmail) to confirm.");
        }

        var errors = new FieldErrors();
        var typed = new[] { ("focalPoint.email", offer.Details.FocalPoint.Email), ("permanentMissionEmail", offer.Details.PermanentMissionEmail) };
        var found = new List<(string Field, string Email)>();
        for (var i = 0; i < emails.Count; i++)
        {
            var field = $"emails[{i}]";
            if (TextRules.Email(errors, field, emails[i], required: true) is not { } email)
            {
                continue;
            }

            var match = typed.Where(t => string.Equals(t.Item2, email, StringComparison.OrdinalIgnoreCase)).Select(t => (t.Item1, t.Item2!)).ToList();
            if (match.Count == 0)
            {
                errors.Add(field, "Not one of the addresses typed into this offer (focalPoint.email, permanentMissionEmail).");
            }

            found.AddRange(match.Where(m => !found.Contains(m)));
        }

        errors.ThrowIfAny("contact confirmation");
        return found;
    }
}
