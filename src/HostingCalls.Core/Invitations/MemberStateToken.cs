namespace HostingCalls.Core.Invitations;

/// <summary>What a focal point's token says: the call and Member State it opens, the invitation it came from, and until when.</summary>
public sealed record MemberStateToken(string CallId, string MemberState, string InvitationId, DateTimeOffset ExpiresAt);
