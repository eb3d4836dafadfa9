using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace HostingCalls.Functions.Http.Api;

/// <summary>An attachment download: always a download, never rendered in place, with its recognised type.</summary>
public sealed class FileResponse(Stream content, string contentType, string fileName, long length) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = 200;
        response.ContentType = contentType;
        response.ContentLength = length;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName); // filename (ASCII fallback) and filename* (UTF-8)
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-store";
        await using (content)
        {
            await content.CopyToAsync(response.Body, context.HttpContext.RequestAborted);
        }
    }
}
