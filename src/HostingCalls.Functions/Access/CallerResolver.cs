using System.Text.RegularExpressions;
using HostingCalls.Core.Access;
using HostingCalls.Core.Invitations;
using HostingCalls.Core.MemberStates;
using Microsoft.AspNetCore.Http;

namespace HostingCalls.Functions.Access;

/// <summary>
/// The one seam that says who a request comes from. The secretariat signs in with App Service Authentication
/// (Microsoft Entra ID): its <see cref="ClientPrincipal.Header"/>, when trusted, carries the object id, the app roles
/// <c>Secretariat</c> or <c>Reviewer</c>, and the nationality claim. For development there is also the header
/// <c>X-HostingCalls-Caller</c> with <c>secretariat</c> (optionally followed by the member's nationality, as in
/// <c>secretariat FRA</c>), <c>reviewer NAME KEN</c> or <c>member-state FRA</c>, honoured only when
/// <c>DevelopmentCaller__Enabled</c> is true. Member States' focal points send <c>Authorization: Bearer {token}</c>,
/// the token of their invitation: it makes them the focal point of that state on that call only, and any bearer token
/// that does not verify is a 401. A trusted principal header wins over both, a bearer token over the development
/// header. Otherwise the caller is anonymous.
/// </summary>
public sealed partial class CallerResolver(DevelopmentCallerOptions development, SecretariatSignInOptions signIn, FocalPointSignIn? focalPoints = null)
{
    public const string DevelopmentHeader = "X-HostingCalls-Caller";

    public const string SecretariatRole = "Secretariat";

    public const string ReviewerRole = "Reviewer";

    private const string BearerScheme = "Bearer ";

    /// <summary>The caller; a focal point's token is checked against its invitation, so this may read storage.</summary>
    public async Task<Caller> ResolveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // A trusted but unreadable principal is nobody: never fall back to a weaker scheme on the same request.
        if (signIn.TrustClientPrincipal && request.Headers.TryGetValue(ClientPrincipal.Header, out var principal))
        {
            return principal is [{ } encoded] ? FromPrincipal(ClientPrincipal.Parse(encoded)) : Caller.Anonymous;
        }

        var authorization = request.Headers.Authorization;
        if (authorization.Any(v => v is not null && v.StartsWith(BearerScheme, StringComparison.OrdinalIgnoreCase)))
        {
            // Whatever is sent as a bearer token must be a valid one: a broken link is told, not taken as nobody.
            return authorization is [{ } value] && focalPoints is not null
                ? await focalPoints.SignInAsync(value[BearerScheme.Length..].Trim(), cancellationToken)
                : throw FocalPointSignIn.Refused();
        }

        return FromDevelopmentHeader(request);
    }

    private Caller FromPrincipal(ClientPrincipal? principal)
    {
        if (principal?.ObjectId is not { } id)
        {
            return Caller.Anonymous;
        }

        var roles = principal.Roles.ToHashSet(StringComparer.Ordinal);
        var nationality = NationalityOf(principal);
        if (roles.Contains(SecretariatRole))
        {
            return Caller.Secretariat(id, nationality);
        }

        if (roles.Contains(ReviewerRole))
        {
            // Without a nationality a reviewer is still staff; EnsureReviewer refuses the scoring itself.
            return nationality is null ? new Caller(CallerRole.Reviewer, id, null) : Caller.Reviewer(id, nationality);
        }

        return new Caller(CallerRole.SignedIn, id, null);
    }

    private string? NationalityOf(ClientPrincipal principal) =>
        signIn.NationalityClaim is { Length: > 0 } claim && principal.Claim(claim) is { } code && MemberStateDirectory.Find(code) is not null
            ? code
            : null;

    private Caller FromDevelopmentHeader(HttpRequest request)
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
