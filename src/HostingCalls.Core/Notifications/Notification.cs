using System.Globalization;
using HostingCalls.Core.Offers;

namespace HostingCalls.Core.Notifications;

/// <summary>
/// One email to send, as recorded in the send-once ledger. Its id is made of the call's offer, the kind and the
/// offer's version, so the same event can never be recorded twice.
/// </summary>
public sealed record Notification(
    string Id,
    string CallId,
    string OfferId,
    NotificationKind Kind,
    NotificationStatus Status,
    DateTimeOffset RecordedAt,
    DateTimeOffset? QueuedAt)
{
    public static Notification About(Offer offer, NotificationKind kind, DateTimeOffset now) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{offer.Id}-{kind.ToString().ToLowerInvariant()}-{offer.Version}"),
            offer.CallId, offer.Id, kind, NotificationStatus.Recorded, now, null);

    public NotificationMessage Message => new(CallId, Id);
}
