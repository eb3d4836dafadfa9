using HostingCalls.Core.Calls;
using HostingCalls.Core.Common;
using HostingCalls.Functions.Http.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HostingCalls.Functions.Http;

/// <summary>Calls: the secretariat creates, amends and opens them; everyone may read an open one.</summary>
public sealed class CallFunctions(ApiEndpoint endpoint, CallService calls)
{
    [Function(nameof(CreateCall))]
    public Task<IActionResult> CreateCall(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "calls")] HttpRequest request, CancellationToken cancellationToken) =>
        endpoint.RunAsync(request, async caller =>
        {
            var input = await ApiRequest.ReadJsonAsync<CallInput>(request, cancellationToken);
            var stored = await calls.CreateAsync(caller, input, cancellationToken);
            return new JsonResponse(CallView.Of(stored), StatusCodes.Status201Created) { ETag = stored.ETag, Location = $"/api/calls/{stored.Value.Id}" };
        });

    [Function(nameof(UpdateCall))]
    public Task<IActionResult> UpdateCall(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "calls/{callId}")] HttpRequest request, string callId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(request, async caller =>
        {
            var ifMatch = ApiRequest.IfMatch(request);
            var input = await ApiRequest.ReadJsonAsync<CallInput>(request, cancellationToken);
            var stored = await calls.UpdateAsync(caller, callId, input, ifMatch, cancellationToken);
            return new JsonResponse(CallView.Of(stored), StatusCodes.Status200OK) { ETag = stored.ETag };
        });

    [Function(nameof(OpenCall))]
    public Task<IActionResult> OpenCall(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "calls/{callId}/open")] HttpRequest request, string callId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(request, async caller =>
        {
            var stored = await calls.OpenAsync(caller, callId, ApiRequest.IfMatch(request), cancellationToken);
            return new JsonResponse(CallView.Of(stored), StatusCodes.Status200OK) { ETag = stored.ETag };
        });

    /// <summary>The secretariat gets the whole call; anyone else the public view of an opened one.</summary>
    [Function(nameof(GetCall))]
    public Task<IActionResult> GetCall(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "calls/{callId}")] HttpRequest request, string callId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(request, async caller =>
        {
            var stored = await calls.FindAsync(caller, callId, cancellationToken);
            return caller.IsSecretariat
                ? new JsonResponse(CallView.Of(stored), StatusCodes.Status200OK) { ETag = stored.ETag }
                : new JsonResponse(PublicCallView.Of(stored.Value), StatusCodes.Status200OK);
        });

    /// <summary>Anyone: the calls open now, public view. The secretariat with <c>?status=Draft,Ranked,…</c> (or <c>all</c>): its whole view of the calls in those states.</summary>
    [Function(nameof(ListOpenCalls))]
    public Task<IActionResult> ListOpenCalls(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "calls")] HttpRequest request, CancellationToken cancellationToken) =>
        endpoint.RunAsync(request, async caller =>
        {
            if (request.Query.ContainsKey("status"))
            {
                var listed = await calls.ListAsync(caller, StatusesOf(request.Query["status"]), cancellationToken);
                return new JsonResponse(listed.Select(CallView.Of).ToList(), StatusCodes.Status200OK);
            }

            var open = await calls.ListOpenAsync(caller, cancellationToken);
            return new JsonResponse(open.Select(PublicCallView.Of).ToList(), StatusCodes.Status200OK);
        });

    private static List<CallStatus> StatusesOf(string? value)
    {
        var names = (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names is ["all"])
        {
            return [];
        }

        return names.Length > 0 && names.All(n => Enum.TryParse<CallStatus>(n, ignoreCase: false, out var s) && Enum.IsDefined(s) && !char.IsDigit(n[0]))
            ? [.. names.Select(Enum.Parse<CallStatus>)]
            : throw Rejection.Invalid("status", $"One or more of {string.Join(", ", Enum.GetNames<CallStatus>())}, separated by commas, or all.");
    }
}
