namespace HostingCalls.Core.Notifications;

/// <summary>What goes on the notifications queue: only ids; the sender reads the rest from the ledger.</summary>
public sealed record NotificationMessage(string CallId, string NotificationId);
