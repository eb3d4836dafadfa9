namespace HostingCalls.Core.Invitations;

public enum InvitationStatus
{
    /// <summary>Its token opens the call to the focal point until it expires.</summary>
    Active,

    /// <summary>Its token no longer opens anything; a new invitation makes a new one.</summary>
    Revoked,
}
