namespace HostingCalls.Core.Audit;

/// <summary>What changed, in one word per change of state.</summary>
public enum AuditAction
{
    CallCreated,
    CallAmended,
    CallOpened,
    CallClosed,
    CallRanked,
    CallDecided,
    CallAnnounced,
    OfferSubmitted,
    OfferRevised,
    OfferWithdrawn,
    AttachmentAdded,
    AttachmentRemoved,
    ReviewRecorded,
    NotificationSent,
    NotificationUnconfirmed,
    NotificationFailed,
    NotificationDelivered,
    NotificationBounced,
    NotificationDropped,
    NotificationRedriven,
    HostConfirmed,
    HostDeclined,
    HostLapsed,
    ReservePromoted,
    InvitationIssued,
    InvitationRevoked,
    ContactConfirmed,
}
