namespace HostingCalls.Core.Invitations;

/// <summary>
/// The secretariat's invitation of one focal point of a Member State to one call. Its token is never stored: it is
/// signed from these facts when the email is written, and checked against this record (still Active) on each use.
/// </summary>
public sealed record Invitation
{
    public required string Id { get; init; }
    public required string CallId { get; init; }

    /// <summary>ISO 3166-1 alpha-3 code of the Member State the focal point speaks for.</summary>
    public required string MemberState { get; init; }

    public required string Email { get; init; }

    /// <summary>One of the six UN languages (ar, zh, en, fr, ru, es): the email's, and the portal's to start with.</summary>
    public required string Language { get; init; }

    public string? Name { get; init; }

    /// <summary>The Permanent Mission's address, if the secretariat gave one: results and receipts are copied to it.</summary>
    public string? PermanentMissionEmail { get; init; }

    /// <summary>
    /// Addresses typed into this state's offers that the secretariat has confirmed (stored form): from then on they are
    /// mailed too. An address typed into an offer and not confirmed here is never mailed.
    /// </summary>
    public IReadOnlyList<string> ConfirmedEmails { get; init; } = [];
    public required InvitationStatus Status { get; init; }
    public required DateTimeOffset IssuedAt { get; init; }
    public required string IssuedBy { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public string? RevokedBy { get; init; }

    /// <summary>The id of the one email that carries its link.</summary>
    public string NotificationId => $"{Id}-invitation-1";
}
