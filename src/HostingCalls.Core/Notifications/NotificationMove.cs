using HostingCalls.Core.Common;

namespace HostingCalls.Core.Notifications;

/// <summary>A notification as read (with the ETag that guards it) and what it becomes.</summary>
public sealed record NotificationMove(Stored<Notification> From, Notification To);
