using System.Globalization;
using HostingCalls.Core.Offers;

namespace HostingCalls.Core.Notifications;

/// <summary>
/// One email to send, as recorded in the send-once ledger. Its id is made of the call's offer, the kind and the
/// offer's version (or the call and a revision, for the secretariat's summaries), so the same event can never be
/// recorded twice.
/// </summary>
/// <param name="OfferId">The offer it tells of; null for a summary to the secretariat or an invitation.</param>
public sealed record Notification(
    string Id,
    string CallId,
    string? OfferId,
    NotificationKind Kind,
    NotificationStatus Status,
    DateTimeOffset RecordedAt,
    DateTimeOffset? QueuedAt)
{
    public int Attempts { get; init; }

    /// <summary>For an invitation's email: the invitation it carries the link of.</summary>
    public string? InvitationId { get; init; }

    /// <summary>Why the last attempt failed, as SendGrid or the network said.</summary>
    public string? LastError { get; init; }

    /// <summary>SendGrid's X-Message-Id, once accepted.</summary>
    public string? MessageId { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    /// <summary>When a delivery event last moved it.</summary>
    public DateTimeOffset? EventAt { get; init; }

    /// <summary>For a summary: what it is about, in a sentence (such as a promotion or a failed email).</summary>
    public string? Note { get; init; }

    public static Notification About(Offer offer, NotificationKind kind, DateTimeOffset now) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{offer.Id}-{kind.ToString().ToLowerInvariant()}-{offer.Version}"),
            offer.CallId, offer.Id, kind, NotificationStatus.Recorded, now, null);

    /// <summary>A summary to the secretariat; <paramref name="key"/> tells apart the summaries of one call.</summary>
    public static Notification Summary(string callId, string key, DateTimeOffset now, string? note = null) =>
        new($"{callId}-summary-{key}", callId, null, NotificationKind.Summary, NotificationStatus.Recorded, now, null) { Note = note };

    public static Notification AboutInvitation(Invitations.Invitation invitation, DateTimeOffset now) =>
        new(invitation.NotificationId, invitation.CallId, null, NotificationKind.Invitation, NotificationStatus.Recorded, now, null)
        {
            InvitationId = invitation.Id,
        };

    public NotificationMessage Message => new(CallId, Id);

    /// <summary>Whether <paramref name="id"/> could be a notification id (server ids, kinds and digits), so it is safe to look up.</summary>
    public static bool IsWellFormedId(string? id) =>
        id is { Length: > 0 and <= 200 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary>Done: nothing more will be sent for it unless the secretariat re-drives it.</summary>
    public bool IsSettled => Status is NotificationStatus.Sent or NotificationStatus.Unconfirmed or NotificationStatus.Failed
        or NotificationStatus.Delivered or NotificationStatus.Bounced or NotificationStatus.Dropped;
}
