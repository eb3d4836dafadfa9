using System.Text.Json;
using HostingCalls.Core.Common;
using Microsoft.AspNetCore.Mvc;

namespace HostingCalls.Functions.Http.Api;

/// <summary>A JSON body in the API's one shape (<see cref="ApiJson"/>), with the headers a response needs.</summary>
public sealed class JsonResponse(object body, int statusCode, string contentType = "application/json; charset=utf-8") : IActionResult
{
    public string? ETag { get; init; }

    public string? Location { get; init; }

    public object Body => body;

    public int StatusCode => statusCode;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = contentType;
        response.Headers.CacheControl = "no-store";
        if (ETag is not null)
        {
            response.Headers.ETag = ETag;
        }

        if (Location is not null)
        {
            response.Headers.Location = Location;
        }

        await JsonSerializer.SerializeAsync(response.Body, body, body.GetType(), ApiJson.Options, context.HttpContext.RequestAborted);
    }
}
