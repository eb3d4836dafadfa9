using HostingCalls.Core.Audit;
using HostingCalls.Functions.Http.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HostingCalls.Functions.Http;

/// <summary>A call's audit trail, for the secretariat: read it page by page, and verify its hash chain.</summary>
public sealed class AuditFunctions(ApiEndpoint endpoint, AuditService audit)
{
    /// <summary>Entries in chain order from <c>?from=N</c> (default 1), <c>?limit=M</c> at a time (default 100, at most 500).</summary>
    [Function(nameof(GetAuditTrail))]
    public Task<IActionResult> GetAuditTrail(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "calls/{callId}/audit")] HttpRequest request, string callId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(request, async caller =>
            new JsonResponse(await audit.ListAsync(caller, callId, ApiRequest.PositiveNumber(request, "from"), ApiRequest.PositiveNumber(request, "limit"), cancellationToken),
                StatusCodes.Status200OK));

    /// <summary>Whether the chain is whole: ok, the count and the head hash, or the first broken entry and why.</summary>
    [Function(nameof(VerifyAuditTrail))]
    public Task<IActionResult> VerifyAuditTrail(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "calls/{callId}/audit/verification")] HttpRequest request, string callId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(request, async caller =>
            new JsonResponse(await audit.VerifyAsync(caller, callId, cancellationToken), StatusCodes.Status200OK));
}
