using System.Text.RegularExpressions;
using HostingCalls.Core.Access;
using HostingCalls.Core.MemberStates;
using Microsoft.AspNetCore.Http;

namespace HostingCalls.Functions.Access;

/// <summary>
/// The one seam that says who a request comes from. For now it knows the development scheme only, the header
/// <c>X-HostingCalls-Caller</c> with <c>secretariat</c> (optionally followed by the member's nationality, as in
/// <c>secretariat FRA</c>), <c>reviewer NAME KEN</c> or <c>member-state FRA</c>, honoured only when
/// <c>DevelopmentCaller__Enabled</c> is true. Without it every caller is anonymous.
/// </summary>
public sealed partial class CallerResolver(DevelopmentCallerOptions development)
{
    public const string DevelopmentHeader = "X-HostingCalls-Caller";

    public Caller Resolve(HttpRequest request)
    {
        if (!development.Enabled || request.Headers[DevelopmentHeader] is not [{ } value])
        {
            return Caller.Anonymous;
        }

        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts switch
        {
            ["secretariat"] => Caller.Secretariat("dev-secretariat"),
            ["secretariat", var code] when MemberStateDirectory.Find(code) is not null => Caller.Secretariat("dev-secretariat", code),
            ["reviewer", var name, var code] when ReviewerName().IsMatch(name) && MemberStateDirectory.Find(code) is not null =>
                Caller.Reviewer($"dev-reviewer-{name}", code),
            ["member-state", var code] when MemberStateDirectory.Find(code) is not null => Caller.FocalPoint(code, $"dev-{code}"),
            _ => Caller.Anonymous,
        };
    }

    [GeneratedRegex("^[a-z0-9-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex ReviewerName();
}
