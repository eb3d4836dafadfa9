using HostingCalls.Core.Access;
using HostingCalls.Functions.Http.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HostingCalls.Functions.Http;

/// <summary>Who the API takes the caller to be, for a client to know what to show; anyone may ask.</summary>
public sealed class CallerFunctions(ApiEndpoint endpoint)
{
    [Function(nameof(GetMe))]
    public Task<IActionResult> GetMe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me")] HttpRequest request) =>
        endpoint.RunAsync(request, caller =>
            Task.FromResult<IActionResult>(new JsonResponse(CallerView.Of(caller), StatusCodes.Status200OK)));
}
