using System.Text.RegularExpressions;
using HostingCalls.Core.Access;
using HostingCalls.Core.Common;
using HostingCalls.Core.Invitations;
using HostingCalls.Core.MemberStates;
using Microsoft.AspNetCore.Http;

namespace HostingCalls.Functions.Access;

/// <summary>
/// The one seam that says who a request comes from. Staff (Secretariat, Reviewer) send a Microsoft Entra token:
/// <c>Authorization: Bearer</c> from an API client, or, for the portal's App Service Authentication cookie session
/// with the token store on, the id token the platform forwards in <see cref="IdTokenHeader"/>. The app verifies it
/// itself (<see cref="StaffTokens"/>); the platform's <c>X-MS-CLIENT-PRINCIPAL</c> header alone never makes anyone
/// staff, and sent without a token it is refused (401), so identity holds even with platform authentication off.
/// Member States' focal points send <see cref="InvitationHeader"/> with the token of their invitation: it makes them
/// the focal point of that state on that call only; the portal exchanges it once for a session cookie
/// (<see cref="SessionCookie"/>), which then says the same and is renewed while used. For development there is also <c>X-HostingCalls-Caller</c> with
/// <c>secretariat</c> (optionally followed by the member's nationality, as in <c>secretariat FRA</c>),
/// <c>reviewer NAME KEN</c> or <c>member-state FRA</c>, honoured only when <c>DevelopmentCaller__Enabled</c> is true
/// (never in Azure). A token that is sent must verify (401 otherwise): a request never falls back to a weaker scheme.
/// </summary>
public sealed partial class CallerResolver(
    DevelopmentCallerOptions development, SecretariatSignInOptions signIn, FocalPointSignIn? focalPoints = null, StaffTokens? staff = null,
    FocalPointSessions? sessions = null, TimeProvider? clock = null)
{
    public const string DevelopmentHeader = "X-HostingCalls-Caller";

    public const string SecretariatRole = "Secretariat";

    public const string ReviewerRole = "Reviewer";

    /// <summary>The header that carries a focal point's invitation token.</summary>
    public const string InvitationHeader = "X-HostingCalls-Invitation";

    /// <summary>What App Service Authentication sends for a signed-in user when its token store is on.</summary>
    public const string IdTokenHeader = "X-MS-TOKEN-AAD-ID-TOKEN";

    public const string AccessTokenHeader = "X-MS-TOKEN-AAD-ACCESS-TOKEN";

    /// <summary>The platform's account of the caller: never trusted by itself.</summary>
    public const string ClientPrincipalHeader = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>The caller; a focal point's token is checked against its invitation, so this may read storage.</summary>
    public async Task<Caller> ResolveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (StaffTokenOf(request) is { } token)
        {
            return staff is null
                ? throw new Rejection(RejectionKind.Unauthenticated, "Sign-in not verified.", "Staff sign-in is not configured on this app.")
                : FromStaffToken(await staff.VerifyAsync(token, cancellationToken));
        }

        if (request.Headers.ContainsKey(ClientPrincipalHeader))
        {
            throw new Rejection(RejectionKind.Unauthenticated, "Sign-in not verified.",
                "A signed-in user must send their Microsoft Entra token (Authorization: Bearer, or the token store's id token): the principal header alone is not accepted.");
        }

        if (request.Headers.TryGetValue(InvitationHeader, out var invitation))
        {
            // Whatever is sent as a token must be a valid one: a broken link is told, not taken as nobody.
            return invitation is [{ } value] && focalPoints is not null
                ? await focalPoints.SignInAsync(value.Trim(), cancellationToken)
                : throw FocalPointSignIn.Refused();
        }

        if (SessionCookie.Of(request) is { } ticket && sessions is not null)
        {
            return await ResumeSessionAsync(request, ticket, cancellationToken);
        }

        return FromDevelopmentHeader(request);
    }

    private async Task<Caller> ResumeSessionAsync(HttpRequest request, string ticket, CancellationToken cancellationToken)
    {
        try
        {
            var (caller, renewed) = await sessions!.ResumeAsync(ticket, cancellationToken);
            if (renewed is not null)
            {
                SessionCookie.Write(request.HttpContext.Response, renewed, (clock ?? TimeProvider.System).GetUtcNow());
            }

            return caller;
        }
        catch (Rejection)
        {
            SessionCookie.Clear(request.HttpContext.Response); // An ended session is said once, then forgotten.
            throw;
        }
    }

    /// <summary>The staff token sent, or null; one that is malformed or sent twice is refused, not ignored.</summary>
    private static string? StaffTokenOf(HttpRequest request)
    {
        if (request.Headers.Authorization is { Count: > 0 } authorization)
        {
            return authorization is [{ } value] && value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && value[7..].Trim() is { Length: > 0 } bearer
                ? bearer
                : throw new Rejection(RejectionKind.Unauthenticated, "Sign-in not verified.", "Send one Authorization: Bearer header with a Microsoft Entra token.");
        }

        foreach (var header in (string[])[IdTokenHeader, AccessTokenHeader])
        {
            if (request.Headers.TryGetValue(header, out var values))
            {
                return values is [{ Length: > 0 } value]
                    ? value.Trim()
                    : throw new Rejection(RejectionKind.Unauthenticated, "Sign-in not verified.", $"{header} must hold one token.");
            }
        }

        return null;
    }

    private Caller FromStaffToken(StaffToken token)
    {
        var nationality = signIn.NationalityClaim is { Length: > 0 } claim && token.Claims.TryGetValue(claim, out var code) && MemberStateDirectory.Find(code) is not null
            ? code
            : null;
        if (token.Roles.Contains(SecretariatRole))
        {
            return Caller.Secretariat(token.ObjectId, nationality);
        }

        if (token.Roles.Contains(ReviewerRole))
        {
            // Without a nationality a reviewer is still staff; EnsureReviewer refuses the scoring itself.
            return nationality is null ? new Caller(CallerRole.Reviewer, token.ObjectId, null) : Caller.Reviewer(token.ObjectId, nationality);
        }

        return new Caller(CallerRole.SignedIn, token.ObjectId, null);
    }

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
