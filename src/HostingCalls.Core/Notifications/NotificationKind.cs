namespace HostingCalls.Core.Notifications;

public enum NotificationKind
{
    /// <summary>An offer was submitted.</summary>
    Receipt,

    /// <summary>An offer was revised.</summary>
    Revision,

    /// <summary>An offer was withdrawn.</summary>
    Withdrawal,
}
