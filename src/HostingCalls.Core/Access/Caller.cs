using HostingCalls.Core.Common;

namespace HostingCalls.Core.Access;

/// <summary>Who is asking: a Member State's focal point, the secretariat, a reviewer, or nobody known.</summary>
/// <param name="Id">A stable id of the person or principal, for the record; never a token.</param>
/// <param name="MemberState">The ISO alpha-3 code of the state a focal point speaks for.</param>
public sealed record Caller(CallerRole Role, string Id, string? MemberState)
{
    public static Caller Anonymous { get; } = new(CallerRole.Anonymous, "anonymous", null);

    /// <summary>
    /// The ISO alpha-3 code of the country a secretariat member or reviewer is from, as their identity says:
    /// it keeps them from scoring their own country's offers. Never grants a Member State's access.
    /// </summary>
    public string? Nationality { get; init; }

    /// <summary>
    /// The one call a focal point signed in by invitation token may reach; every other call is, for them, not there.
    /// Null for everyone else.
    /// </summary>
    public string? CallId { get; init; }

    /// <summary>Whether the caller may reach <paramref name="callId"/> at all: a token caller only their own call.</summary>
    public bool Reaches(string callId) => CallId is null || CallId == callId;

    public static Caller Secretariat(string id, string? nationality = null) => new(CallerRole.Secretariat, id, null) { Nationality = nationality };

    public static Caller Reviewer(string id, string nationality) => new(CallerRole.Reviewer, id, null) { Nationality = nationality };

    public static Caller FocalPoint(string memberState, string id) => new(CallerRole.MemberState, id, memberState);

    /// <summary>A focal point by invitation: recorded by the invitation's id, bound to its call.</summary>
    public static Caller Invited(string memberState, string callId, string invitationId) =>
        new(CallerRole.MemberState, $"invitation-{invitationId}", memberState) { CallId = callId };

    public bool IsSecretariat => Role == CallerRole.Secretariat;

    /// <summary>Secretariat and reviewers: they read closed calls' offers and score them.</summary>
    public bool IsStaff => Role is CallerRole.Secretariat or CallerRole.Reviewer;

    public void EnsureStaff()
    {
        if (Role == CallerRole.Anonymous)
        {
            throw Rejection.Unauthenticated();
        }

        if (!IsStaff)
        {
            throw Rejection.Forbidden("Only the secretariat and its reviewers may do this.");
        }
    }

    /// <summary>The nationality of a secretariat member or reviewer who may score offers.</summary>
    public string EnsureReviewer()
    {
        EnsureStaff();
        return Nationality ?? throw Rejection.Forbidden(
            "Your nationality is not on record, so the rule that nobody scores their own country's offers cannot be checked. Ask the secretariat to record it.");
    }

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
