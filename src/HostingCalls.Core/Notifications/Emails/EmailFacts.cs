namespace HostingCalls.Core.Notifications.Emails;

/// <summary>
/// The facts an email may show. Every string here may be user text (names, cities, titles), so the layout encodes
/// each one in the HTML form and keeps it out of the subject's line breaks.
/// </summary>
public sealed record EmailFacts
{
    public required string CallTitle { get; init; }
    public string? Organisation { get; init; }

    /// <summary>The focal point's name, or e.g. "Secretariat".</summary>
    public required string RecipientName { get; init; }

    public string? MemberStateName { get; init; }

    /// <summary>For example EGM-1.</summary>
    public string? MeetingId { get; init; }

    public string? MeetingTitle { get; init; }
    public string? City { get; init; }
    public DateOnly? DatesStart { get; init; }
    public DateOnly? DatesEnd { get; init; }
    public string? OfferId { get; init; }
    public int? OfferVersion { get; init; }

    /// <summary>The call's IANA time zone, e.g. Africa/Nairobi: every time is shown there, with its offset.</summary>
    public required string TimeZone { get; init; }

    /// <summary>When the offer was submitted, revised or withdrawn.</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>Receipts: the call's deadline. Selected and HostConfirmationRequest: the date to confirm by.</summary>
    public DateTimeOffset? Deadline { get; init; }

    public int? ReservePlace { get; init; }

    /// <summary>The ranking's reason (not selected, reserve), in English, shown as is.</summary>
    public string? Reason { get; init; }

    /// <summary>Summary only: an English note from the system, e.g. "Kenya declined EGM-1; Brazil was promoted."</summary>
    public string? Note { get; init; }

    public IReadOnlyList<SummaryLine> Summary { get; init; } = [];

    /// <summary>Invitation only: the portal link with the focal point's token. Secret: shown in the email, logged nowhere.</summary>
    public string? Link { get; init; }

    /// <summary>Invitation only: when the link stops working.</summary>
    public DateTimeOffset? ValidUntil { get; init; }
}
