namespace HostingCalls.Core.Access;

public enum CallerRole
{
    Anonymous,
    MemberState,
    Secretariat,

    /// <summary>Secretariat staff who score offers after the call closes, and do nothing else.</summary>
    Reviewer,
}
