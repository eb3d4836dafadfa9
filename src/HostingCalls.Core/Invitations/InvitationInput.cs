namespace HostingCalls.Core.Invitations;

/// <summary>An invitation as the secretariat sends it; checked by <see cref="InvitationRules"/>.</summary>
public sealed class InvitationInput
{
    public string? MemberState { get; init; }
    public string? Email { get; init; }
    public string? Language { get; init; }
    public string? Name { get; init; }
    public string? PermanentMissionEmail { get; init; }
}
