using HostingCalls.Core.Access;
using HostingCalls.Core.MemberStates;
using Microsoft.AspNetCore.Http;

namespace HostingCalls.Functions.Access;

/// <summary>
/// The one seam that says who a request comes from. For now it knows the development scheme only:
/// the header <c>X-HostingCalls-Caller: secretariat</c> or <c>X-HostingCalls-Caller: member-state FRA</c>,
/// honoured only when <c>DevelopmentCaller__Enabled</c> is true. Without it every caller is anonymous.
/// </summary>
public sealed class CallerResolver(DevelopmentCallerOptions development)
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
            ["member-state", var code] when MemberStateDirectory.Find(code) is not null => Caller.FocalPoint(code, $"dev-{code}"),
            _ => Caller.Anonymous,
        };
    }
}
