namespace HostingCalls.Core.Notifications;

public enum NotificationKind
{
    /// <summary>An offer was submitted.</summary>
    Receipt,

    /// <summary>An offer was revised.</summary>
    Revision,

    /// <summary>An offer was withdrawn.</summary>
    Withdrawal,

    /// <summary>The result: the offer was selected to host its meeting; the host is asked to confirm.</summary>
    Selected,

    /// <summary>The result: the offer is on its meeting's reserve list, at a place.</summary>
    Reserve,

    /// <summary>The result: the offer was not selected (or was ineligible), with the reason.</summary>
    NotSelected,

    /// <summary>To the secretariat: the results as released, meeting by meeting.</summary>
    Summary,

    /// <summary>A reserve promoted to host after the host declined or did not confirm in time: please confirm.</summary>
    HostConfirmationRequest,

    /// <summary>To a Member State's focal point: the invitation to a call, with the link that signs them in.</summary>
    Invitation,
}
