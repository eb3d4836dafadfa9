using System.Text.Json.Serialization;

namespace HostingCalls.Core.Access;

/// <summary>
/// Who the API takes the caller to be (<c>GET me</c>), so a client knows what to offer; never a token. Every member
/// is written, null included, so a client reads one fixed shape.
/// </summary>
public sealed record CallerView(
    CallerRole Role,
    string Id,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? MemberState,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Nationality,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? CallId)
{
    public static CallerView Of(Caller caller) => new(caller.Role, caller.Id, caller.MemberState, caller.Nationality, caller.CallId);
}
