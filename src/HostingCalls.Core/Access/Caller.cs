using HostingCalls.Core.Common;

namespace HostingCalls.Core.Access;

/// <summary>Who is asking: a Member State's focal point, the secretariat, or nobody known.</summary>
/// <param name="Id">A stable id of the person or principal, for the record; never a token.</param>
/// <param name="MemberState">The ISO alpha-3 code of the state a focal point speaks for.</param>
public sealed record Caller(CallerRole Role, string Id, string? MemberState)
{
    public static Caller Anonymous { get; } = new(CallerRole.Anonymous, "anonymous", null);

    public static Caller Secretariat(string id) => new(CallerRole.Secretariat, id, null);

    public static Caller FocalPoint(string memberState, string id) => new(CallerRole.MemberState, id, memberState);

    public bool IsSecretariat => Role == CallerRole.Secretariat;

    public void EnsureSecretariat()
    {
        if (Role == CallerRole.Anonymous)
        {
            throw Rejection.Unauthenticated();
        }

        if (!IsSecretariat)
        {
            throw Rejection.Forbidden("Only the secretariat may do this.");
        }
    }

    /// <summary>The state a focal point speaks for; anyone else is refused.</summary>
    public string EnsureMemberState()
    {
        if (Role == CallerRole.Anonymous)
        {
            throw Rejection.Unauthenticated();
        }

        return MemberState ?? throw Rejection.Forbidden("Only a Member State's focal point may do this.");
    }
}
