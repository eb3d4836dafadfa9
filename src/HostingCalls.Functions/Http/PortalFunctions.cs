using HostingCalls.Core.Common;
using HostingCalls.Functions.Http.Api;
using HostingCalls.Functions.Portal;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HostingCalls.Functions.Http;

/// <summary>
/// The web portal and the API's OpenAPI document, served by the app itself: one deployment, the same origin as the
/// API (no CORS), and App Service Authentication in front of both.
/// </summary>
public sealed class PortalFunctions(PortalFiles files)
{
    [Function(nameof(GetOpenApiDocument))]
    public Task<IActionResult> GetOpenApiDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request) =>
        Task.FromResult<IActionResult>(new StaticFileResponse(files.OpenApi));

    /// <summary><c>/api/portal/</c> is the start page; anything not embedded in the app is a 404.</summary>
    [Function(nameof(ServePortal))]
    public Task<IActionResult> ServePortal(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/{*path}")] HttpRequest request, string? path) =>
        Task.FromResult<IActionResult>(files.Find(path) is { } file
            ? new StaticFileResponse(file)
            : Problems.From(Rejection.NotFound("page"), request));
}
