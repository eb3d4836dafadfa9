using HostingCalls.Core.Access;

namespace HostingCalls.Core.Audit;

/// <summary>Who made a change: a role and a stable id (an Entra object id, a focal point's id, a timer's name); never a token.</summary>
public sealed record AuditActor(string Role, string Id)
{
    public const string SystemRole = "System";

    public static AuditActor Of(Caller caller) => new(caller.Role.ToString(), caller.Id);

    /// <summary>The app itself: a timer, a queue function or a webhook, named.</summary>
    public static AuditActor System(string what) => new(SystemRole, what);

    public static AuditActor MemberState(string code) => new(nameof(CallerRole.MemberState), code);
}
