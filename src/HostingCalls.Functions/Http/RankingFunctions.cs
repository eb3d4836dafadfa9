using HostingCalls.Core.Calls;
using HostingCalls.Core.Judging;
using HostingCalls.Functions.Http.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HostingCalls.Functions.Http;

/// <summary>The ranking of a closed call, for the secretariat: the stored snapshot, a what-if, and the CSV export.</summary>
public sealed class RankingFunctions(ApiEndpoint endpoint, RankingService rankings)
{
    /// <summary>The current ranking, or <c>?version=N</c>.</summary>
    [Function(nameof(GetRanking))]
    public Task<IActionResult> GetRanking(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "calls/{callId}/ranking")] HttpRequest request, string callId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(request, async caller =>
            new JsonResponse(await rankings.FindAsync(caller, callId, ApiRequest.PositiveNumber(request, "version"), cancellationToken), StatusCodes.Status200OK));

    /// <summary>The ranking under other weights or rules; nothing is stored.</summary>
    [Function(nameof(RankWhatIf))]
    public Task<IActionResult> RankWhatIf(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "calls/{callId}/ranking/what-if")] HttpRequest request, string callId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(request, async caller =>
        {
            var input = await ApiRequest.ReadJsonAsync<WhatIfInput>(request, cancellationToken);
            return new JsonResponse(await rankings.WhatIfAsync(caller, callId, input, cancellationToken), StatusCodes.Status200OK);
        });

    /// <summary>The current ranking (or <c>?version=N</c>) as a CSV file.</summary>
    [Function(nameof(ExportRanking))]
    public Task<IActionResult> ExportRanking(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "calls/{callId}/ranking/csv")] HttpRequest request, string callId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(request, async caller =>
        {
            var ranking = await rankings.FindAsync(caller, callId, ApiRequest.PositiveNumber(request, "version"), cancellationToken);
            var csv = RankingCsv.Write(ranking);
            IActionResult file = new FileResponse(new MemoryStream(csv), "text/csv; charset=utf-8", $"ranking-{callId}-v{ranking.Version}.csv", csv.Length);
            return file;
        });
}
