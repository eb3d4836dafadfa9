namespace HostingCalls.Core.Access;

public enum CallerRole
{
    Anonymous,
    MemberState,
    Secretariat,

    /// <summary>Secretariat staff who score offers after the call closes, and do nothing else.</summary>
    Reviewer,

    /// <summary>
    /// Someone the identity provider signed in who holds none of the app's roles: known, so refused with 403
    /// rather than asked to sign in (401).
    /// </summary>
    SignedIn,
}
