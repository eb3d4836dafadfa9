using HostingCalls.Core.Reviews;
using HostingCalls.Functions.Http.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HostingCalls.Functions.Http;

/// <summary>Reviews of a closed call's offers: a reviewer records theirs; the secretariat reads them all.</summary>
public sealed class ReviewFunctions(ApiEndpoint endpoint, ReviewService reviews)
{
    /// <summary>The caller's own review of the offer: created without If-Match, replaced with it. The call is re-ranked.</summary>
    [Function(nameof(SaveReview))]
    public Task<IActionResult> SaveReview(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "calls/{callId}/offers/{offerId}/reviews/mine")] HttpRequest request,
        string callId, string offerId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(request, async caller =>
        {
            var ifMatch = ApiRequest.IfMatch(request);
            var input = await ApiRequest.ReadJsonAsync<ReviewInput>(request, cancellationToken);
            var review = await reviews.SaveAsync(caller, callId, offerId, input, ifMatch, cancellationToken);
            return new JsonResponse(review, StatusCodes.Status200OK) { ETag = review.ETag };
        });

    [Function(nameof(ListReviews))]
    public Task<IActionResult> ListReviews(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "calls/{callId}/offers/{offerId}/reviews")] HttpRequest request,
        string callId, string offerId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(request, async caller =>
            new JsonResponse(await reviews.ListAsync(caller, callId, offerId, cancellationToken), StatusCodes.Status200OK));
}
