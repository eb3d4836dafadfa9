using HostingCalls.Core.Calls;
using HostingCalls.Core.Decisions;
using HostingCalls.Functions.Http.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HostingCalls.Functions.Http;

/// <summary>The secretariat's decision on a ranked call, and the selected host's answer.</summary>
public sealed class DecisionFunctions(ApiEndpoint endpoint, DecisionService decisions)
{
    /// <summary>Confirms the recommended hosts, or overrides some with a justification; freezes the call (If-Match of the call).</summary>
    [Function(nameof(DecideCall))]
    public Task<IActionResult> DecideCall(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "calls/{callId}/decision")] HttpRequest request, string callId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(request, async caller =>
        {
            var ifMatch = ApiRequest.IfMatch(request);
            var input = await ApiRequest.ReadJsonAsync<DecisionInput>(request, cancellationToken);
            var stored = await decisions.DecideAsync(caller, callId, input, ifMatch, cancellationToken);
            return new JsonResponse(CallView.Of(stored), StatusCodes.Status200OK) { ETag = stored.ETag };
        });

    /// <summary>The selected host's focal point confirms (<c>{"confirm": true}</c>) or declines by the date the decision sets.</summary>
    [Function(nameof(AnswerAsHost))]
    public Task<IActionResult> AnswerAsHost(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "calls/{callId}/offers/{offerId}/host-response")] HttpRequest request,
        string callId, string offerId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(request, async caller =>
        {
            var input = await ApiRequest.ReadJsonAsync<HostResponseInput>(request, cancellationToken);
            return new JsonResponse(await decisions.RespondAsync(caller, callId, offerId, input, cancellationToken), StatusCodes.Status200OK);
        });
}
