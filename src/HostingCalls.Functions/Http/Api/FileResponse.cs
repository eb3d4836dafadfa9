using System.Net.Mime;
using Microsoft.AspNetCore.Mvc;

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
        response.Headers.ContentDisposition = new ContentDisposition { DispositionType = "attachment", FileName = fileName }.ToString();
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-store";
        await using (content)
        {
            await content.CopyToAsync(response.Body, context.HttpContext.RequestAborted);
        }
    }
}
