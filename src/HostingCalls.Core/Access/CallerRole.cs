namespace HostingCalls.Core.Access;

public enum CallerRole
{
    Anonymous,
    MemberState,
    Secretariat,
}
