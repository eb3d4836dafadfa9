using HostingCalls.Core.Invitations;
using Microsoft.AspNetCore.Http;

namespace HostingCalls.Functions.Access;

/// <summary>
/// The focal point's portal session as a cookie scripts cannot read: HttpOnly, Secure, SameSite=Strict, host-only
/// (<c>__Host-</c>), lasting as long as the session and rewritten when it is renewed.
/// </summary>
public static class SessionCookie
{
    public const string Name = "__Host-HostingCalls-Session";

    public static string? Of(HttpRequest request) => request.Cookies.TryGetValue(Name, out var value) && value.Length > 0 ? value : null;

    public static void Write(HttpResponse response, FocalPointSession session, DateTimeOffset now) =>
        response.Cookies.Append(Name, session.Ticket, Options(session.ExpiresAt - now));

    public static void Clear(HttpResponse response) => response.Cookies.Delete(Name, Options(TimeSpan.Zero));

    private static CookieOptions Options(TimeSpan lifetime) => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        MaxAge = lifetime > TimeSpan.Zero ? lifetime : TimeSpan.Zero,
        IsEssential = true,
    };
}
