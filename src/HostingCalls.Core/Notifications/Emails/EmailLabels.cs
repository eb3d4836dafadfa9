namespace HostingCalls.Core.Notifications.Emails;

/// <summary>The labels of the details and of the summary table, in one language.</summary>
internal sealed record EmailLabels
{
    public required string MemberState { get; init; }
    public required string Meeting { get; init; }
    public required string City { get; init; }
    public required string Dates { get; init; }
    public required string Offer { get; init; }
    public required string Version { get; init; }
    public required string ReceivedAt { get; init; }
    public required string WithdrawnAt { get; init; }

    /// <summary>The call's deadline for offers.</summary>
    public required string Deadline { get; init; }

    /// <summary>The date a selected host must confirm by.</summary>
    public required string ConfirmBy { get; init; }

    public required string ReservePlace { get; init; }

    /// <summary>The reason is English text from the ranking; other languages say so in the label.</summary>
    public required string Reason { get; init; }

    /// <summary>The note is English text from the system; other languages say so in the label.</summary>
    public required string Note { get; init; }

    public required string Host { get; init; }
    public required string EligibleOffers { get; init; }
    public required string Reserves { get; init; }

    /// <summary>In the summary, for a meeting that has no host.</summary>
    public required string NoHost { get; init; }

    /// <summary>Invitation: until when its link signs the focal point in.</summary>
    public required string ValidUntil { get; init; }

    /// <summary>Invitation: the words of its link.</summary>
    public required string OpenPortal { get; init; }
}
