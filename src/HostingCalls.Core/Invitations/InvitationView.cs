using System.Text.Json.Serialization;
using HostingCalls.Core.Common;
using HostingCalls.Core.Notifications;

namespace HostingCalls.Core.Invitations;

/// <summary>An invitation as the secretariat sees it: never its token. The ETag guards a revocation.</summary>
public sealed record InvitationView(
    string Id,
    string CallId,
    string MemberState,
    string Email,
    string Language,
    string? Name,
    string? PermanentMissionEmail,
    IReadOnlyList<string> ConfirmedEmails,
    InvitationStatus Status,
    DateTimeOffset IssuedAt,
    string IssuedBy,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt,
    string? RevokedBy,
    NotificationStatus? NotificationStatus,
    [property: JsonPropertyName("etag")] string ETag)
{
    public static InvitationView Of(Stored<Invitation> stored, Notification? email)
    {
        var i = stored.Value;
        return new InvitationView(i.Id, i.CallId, i.MemberState, TextRules.EmailForDisplay(i.Email), i.Language, i.Name,
            i.PermanentMissionEmail is { } mission ? TextRules.EmailForDisplay(mission) : null, [.. i.ConfirmedEmails.Select(TextRules.EmailForDisplay)], i.Status, i.IssuedAt, i.IssuedBy, i.ExpiresAt,
            i.RevokedAt, i.RevokedBy, email?.Status, stored.ETag);
    }
}
