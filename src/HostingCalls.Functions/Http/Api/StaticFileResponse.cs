using HostingCalls.Functions.Portal;
using Microsoft.AspNetCore.Mvc;

namespace HostingCalls.Functions.Http.Api;

/// <summary>
/// A portal file or the OpenAPI document, with the headers that keep the portal safe in a browser: a strict
/// Content-Security-Policy (scripts, styles and requests only from this origin, no inline script, no framing),
/// nosniff and no referrer (an invitation link must not leak). Revalidated by ETag on every use.
/// </summary>
public sealed class StaticFileResponse(PortalFile file) : IActionResult
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var request = context.HttpContext.Request;
        var response = context.HttpContext.Response;
        response.Headers.ETag = file.ETag;
        response.Headers.CacheControl = "no-cache";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.XFrameOptions = "DENY";
        if (request.Headers.IfNoneMatch.ToString() == file.ETag)
        {
            response.StatusCode = 304;
            return;
        }

        response.StatusCode = 200;
        response.ContentType = file.ContentType;
        response.ContentLength = file.Content.Length;
        await response.Body.WriteAsync(file.Content, context.HttpContext.RequestAborted);
    }
}
