using HostingCalls.Core.Invitations;
using HostingCalls.Functions.Http.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HostingCalls.Functions.Http;

/// <summary>The secretariat confirms the addresses typed into an offer, so that later emails about it go there too.</summary>
public sealed class ContactFunctions(ApiEndpoint endpoint, ContactConfirmationService contacts)
{
    /// <summary>200 with the invitation the addresses are now recorded on (If-Match of the offer).</summary>
    [Function(nameof(ConfirmOfferContacts))]
    public Task<IActionResult> ConfirmOfferContacts(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "calls/{callId}/offers/{offerId}/contacts/confirm")] HttpRequest request,
        string callId, string offerId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(request, async caller =>
        {
            var ifMatch = ApiRequest.IfMatch(request);
            var input = await ApiRequest.ReadJsonAsync<ContactConfirmationInput>(request, cancellationToken);
            var view = await contacts.ConfirmAsync(caller, callId, offerId, input, ifMatch, cancellationToken);
            return new JsonResponse(view, StatusCodes.Status200OK) { ETag = view.ETag };
        });
}
