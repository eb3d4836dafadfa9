using HostingCalls.Core.Offers;
using HostingCalls.Functions.Http.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HostingCalls.Functions.Http;

/// <summary>Offers: a Member State submits, reads, revises and withdraws its own; the secretariat sees counts while they are sealed.</summary>
public sealed class OfferFunctions(ApiEndpoint endpoint, OfferService offers)
{
    /// <summary>201 with the new offer; a retry with the same Idempotency-Key answers 200 with the same offer.</summary>
    [Function(nameof(SubmitOffer))]
    public Task<IActionResult> SubmitOffer(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "calls/{callId}/offers")] HttpRequest request, string callId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(request, async caller =>
        {
            var key = ApiRequest.IdempotencyKey(request);
            var input = await ApiRequest.ReadJsonAsync<OfferInput>(request, cancellationToken);
            var (offer, replayed) = await offers.SubmitAsync(caller, callId, input, key, cancellationToken);
            return new JsonResponse(offer, replayed ? StatusCodes.Status200OK : StatusCodes.Status201Created)
            {
                ETag = offer.ETag,
                Location = $"/api/calls/{offer.CallId}/offers/{offer.Id}",
            };
        });

    [Function(nameof(ListOffers))]
    public Task<IActionResult> ListOffers(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "calls/{callId}/offers")] HttpRequest request, string callId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(request, async caller =>
            new JsonResponse(await offers.ListAsync(caller, callId, cancellationToken), StatusCodes.Status200OK));

    [Function(nameof(GetOffer))]
    public Task<IActionResult> GetOffer(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "calls/{callId}/offers/{offerId}")] HttpRequest request,
        string callId, string offerId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(request, async caller =>
        {
            var offer = await offers.FindAsync(caller, callId, offerId, cancellationToken);
            return new JsonResponse(offer, StatusCodes.Status200OK) { ETag = offer.ETag };
        });

    [Function(nameof(ReviseOffer))]
    public Task<IActionResult> ReviseOffer(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "calls/{callId}/offers/{offerId}")] HttpRequest request,
        string callId, string offerId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(request, async caller =>
        {
            var ifMatch = ApiRequest.IfMatch(request);
            var input = await ApiRequest.ReadJsonAsync<OfferInput>(request, cancellationToken);
            var offer = await offers.ReviseAsync(caller, callId, offerId, input, ifMatch, cancellationToken);
            return new JsonResponse(offer, StatusCodes.Status200OK) { ETag = offer.ETag };
        });

    [Function(nameof(WithdrawOffer))]
    public Task<IActionResult> WithdrawOffer(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "calls/{callId}/offers/{offerId}/withdraw")] HttpRequest request,
        string callId, string offerId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(request, async caller =>
        {
            var offer = await offers.WithdrawAsync(caller, callId, offerId, ApiRequest.IfMatch(request), cancellationToken);
            return new JsonResponse(offer, StatusCodes.Status200OK) { ETag = offer.ETag };
        });

    [Function(nameof(CountOffers))]
    public Task<IActionResult> CountOffers(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "calls/{callId}/offer-counts")] HttpRequest request, string callId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(request, async caller =>
            new JsonResponse(await offers.CountAsync(caller, callId, cancellationToken), StatusCodes.Status200OK));
}
