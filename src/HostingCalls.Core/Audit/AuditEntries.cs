using System.Globalization;
using HostingCalls.Core.Attachments;
using HostingCalls.Core.Invitations;
using HostingCalls.Core.Notifications;
using HostingCalls.Core.Offers;
using HostingCalls.Core.Reviews;
using static HostingCalls.Core.Audit.AuditText;

namespace HostingCalls.Core.Audit;

/// <summary>
/// The entries written in the same transaction as the change they tell of (offers, attachments, reviews, the
/// notification ledger): they exist exactly when the change does, so a fresh id is enough to name them.
/// </summary>
public static class AuditEntries
{
    public const string Sender = "SendNotification";
    public const string GiveUp = "RecordFailedNotification";
    public const string EventWebhook = "SendGridEventWebhook";

    public static AuditEntry OfferChanged(Offer before, Offer after, AuditActor actor, TimeProvider clock)
    {
        var action = after.Status switch
        {
            OfferStatus.Withdrawn => AuditAction.OfferWithdrawn,
            _ when after.Version == 1 => AuditAction.OfferSubmitted,
            _ => AuditAction.OfferRevised,
        };
        var details = new Dictionary<string, string>
        {
            ["memberState"] = after.MemberState,
            ["status"] = $"{(after.Version == 1 ? "" : before.Status.ToString())}→{after.Status}",
            ["version"] = after.Version == 1 ? "→1" : $"{Number(before.Version)}→{Number(after.Version)}",
            ["meetingId"] = before.Details.MeetingId == after.Details.MeetingId || after.Version == 1
                ? after.Details.MeetingId
                : $"{before.Details.MeetingId}→{after.Details.MeetingId}",
        };
        return New(after.CallId, after.UpdatedAt, actor, action, after.Id, details, clock);
    }

    public static AuditEntry OfferSubmitted(Offer offer, AuditActor actor, TimeProvider clock) => OfferChanged(offer, offer, actor, clock);

    /// <summary>A file added or removed: its kind, size and SHA-256, never its name or bytes.</summary>
    public static AuditEntry AttachmentChanged(Offer offer, Attachment attachment, bool added, AuditActor actor, TimeProvider clock) =>
        New(offer.CallId, offer.UpdatedAt, actor, added ? AuditAction.AttachmentAdded : AuditAction.AttachmentRemoved, offer.Id,
            new Dictionary<string, string>
            {
                ["attachmentId"] = attachment.Id,
                ["kind"] = attachment.Kind.ToString(),
                ["bytes"] = Number(attachment.Size),
                ["sha256"] = attachment.Sha256,
            }, clock);

    /// <summary>An invitation issued or revoked: the state, language and expiry, never the address, the name or the token.</summary>
    public static AuditEntry InvitationChanged(Invitation invitation, AuditActor actor, TimeProvider clock)
    {
        var revoked = invitation.Status == InvitationStatus.Revoked;
        return New(invitation.CallId, revoked ? invitation.RevokedAt!.Value : invitation.IssuedAt, actor,
            revoked ? AuditAction.InvitationRevoked : AuditAction.InvitationIssued, invitation.Id,
            new Dictionary<string, string>
            {
                ["memberState"] = invitation.MemberState,
                ["status"] = revoked ? "Active→Revoked" : "→Active",
                ["language"] = invitation.Language,
                ["expiresAt"] = Time(invitation.ExpiresAt),
            }, clock);
    }

    /// <summary>
    /// The secretariat confirmed addresses typed into an offer, recorded on the invitation: which fields, not the
    /// addresses themselves (the invitation holds them).
    /// </summary>
    public static AuditEntry ContactConfirmed(Offer offer, Invitation invitation, IReadOnlyList<string> fields, DateTimeOffset at, AuditActor actor, TimeProvider clock) =>
        New(offer.CallId, at, actor, AuditAction.ContactConfirmed, offer.Id,
            new Dictionary<string, string>
            {
                ["memberState"] = offer.MemberState,
                ["invitationId"] = invitation.Id,
                ["confirmed"] = string.Join(", ", fields),
                ["confirmedAddresses"] = Number(invitation.ConfirmedEmails.Count),
            }, clock);

    /// <summary>The scores, not the comments.</summary>
    public static AuditEntry ReviewRecorded(Review review, bool replaced, AuditActor actor, TimeProvider clock)
    {
        var details = review.Scores.ToDictionary(s => "score." + s.Criterion, s => Number(s.Score));
        details["review"] = replaced ? "replaced" : "new";
        return New(review.CallId, review.UpdatedAt, actor, AuditAction.ReviewRecorded, review.OfferId, details, clock);
    }

    /// <summary>
    /// The entry for a notification's move, if it is one the trail keeps: sent, unconfirmed, failed, delivered,
    /// bounced or dropped. Null for the steps between (recorded, queued, sending), which the ledger itself tells.
    /// </summary>
    public static AuditEntry? NotificationMoved(Notification before, Notification after, AuditActor actor, TimeProvider clock)
    {
        AuditAction? action = after.Status switch
        {
            _ when after.Status == before.Status => null,
            NotificationStatus.Sent => AuditAction.NotificationSent,
            NotificationStatus.Unconfirmed => AuditAction.NotificationUnconfirmed,
            NotificationStatus.Failed => AuditAction.NotificationFailed,
            NotificationStatus.Delivered => AuditAction.NotificationDelivered,
            NotificationStatus.Bounced => AuditAction.NotificationBounced,
            NotificationStatus.Dropped => AuditAction.NotificationDropped,
            NotificationStatus.Recorded when before.Status is NotificationStatus.Failed or NotificationStatus.Unconfirmed => AuditAction.NotificationRedriven,
            _ => null,
        };
        if (action is null)
        {
            return null;
        }

        var details = new Dictionary<string, string>
        {
            ["kind"] = after.Kind.ToString(),
            ["status"] = $"{before.Status}→{after.Status}",
            ["attempts"] = Number(after.Attempts),
        };
        if (after.OfferId is { } offerId)
        {
            details["offerId"] = offerId;
        }

        return New(after.CallId, clock.GetUtcNow(), actor, action.Value, after.Id, details, clock);
    }

    private static long _made;

    private static AuditEntry New(string callId, DateTimeOffset at, AuditActor actor, AuditAction action, string subject, Dictionary<string, string> details, TimeProvider clock) =>
        new(callId, EventIdAt(clock.GetUtcNow()), at, actor, action, subject, details);

    /// <summary>
    /// Sorts as made: the time, then a count this process keeps (so a letter attached in the same instant as its offer
    /// still comes after it), then random digits against other instances.
    /// </summary>
    private static string EventIdAt(DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"{now.UtcTicks:D19}-{Interlocked.Increment(ref _made):D12}-{Random.Shared.Next():x8}");
}
