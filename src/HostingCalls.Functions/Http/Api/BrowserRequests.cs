using HostingCalls.Core.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace HostingCalls.Functions.Http.Api;

/// <summary>
/// Refuses, before anything is read or stored, the changes a hostile page could make a signed-in browser send:
/// a request the browser marks as cross-site, or from an origin that is neither the app's nor an allowed one (403),
/// and a body in a type a plain HTML form can send, or in none (415). JSON and the attachment file types cannot be
/// sent across sites without the browser asking first (a CORS preflight), and CORS answers that question.
/// </summary>
public static class BrowserRequests
{
    public static readonly IReadOnlyList<string> Json = ["application/json"];

    // What a file is, is read from its bytes; octet-stream is the type of "a file" and, like these, needs a preflight.
    public static readonly IReadOnlyList<string> Files = ["application/pdf", "image/png", "image/jpeg", "application/octet-stream"];

    public static void Check(HttpRequest request, HttpSecurityOptions options, IReadOnlyList<string> accepted)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            return;
        }

        if (request.Headers["Sec-Fetch-Site"] is [{ } site] && string.Equals(site, "cross-site", StringComparison.OrdinalIgnoreCase))
        {
            throw CrossSite("The browser marked this request as sent by another site's page.");
        }

        if (request.Headers.Origin.Count > 0 && !IsOwnOrAllowed(request, options))
        {
            throw CrossSite($"Origin {Printable(request.Headers.Origin.ToString())} may not send changes to this API.");
        }

        var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
        if (request.ContentType is { Length: > 0 } contentType)
        {
            if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || !accepted.Contains(media.MediaType.Value ?? "", StringComparer.OrdinalIgnoreCase))
            {
                throw Unsupported(accepted);
            }
        }
        else if (hasBody)
        {
            throw Unsupported(accepted);
        }
    }

    private static bool IsOwnOrAllowed(HttpRequest request, HttpSecurityOptions options)
    {
        if (request.Headers.Origin is not [{ } origin] || !Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return false; // "null" (a sandboxed or file page), a list, or not an origin at all.
        }

        // The app's own host: TLS ends in front of the app, so the scheme the app sees may be http; the host is what counts.
        var own = request.Host;
        if (own.HasValue && string.Equals(uri.Host, own.Host, StringComparison.OrdinalIgnoreCase) && (own.Port is null || own.Port == uri.Port))
        {
            return true;
        }

        return options.AllowedOriginList.Any(a => Uri.Compare(a, uri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0);
    }

    private static Rejection CrossSite(string detail) => new(RejectionKind.Forbidden, "Cross-site request refused.", detail);

    private static Rejection Unsupported(IReadOnlyList<string> accepted) =>
        new(RejectionKind.UnsupportedContent, "Unsupported media type.", $"Send the body as {string.Join(" or ", accepted)}, with its Content-Type.",
            new Dictionary<string, string[]> { ["Content-Type"] = [$"One of {string.Join(", ", accepted)}."] });

    private static string Printable(string text) => text.Length > 100 ? text[..100] + "…" : text;
}
