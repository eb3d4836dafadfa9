using HostingCalls.Core.Invitations;
using HostingCalls.Functions.Http.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HostingCalls.Functions.Http;

/// <summary>The secretariat invites Member States' focal points to a call, lists and revokes the invitations. No answer carries a token.</summary>
public sealed class InvitationFunctions(ApiEndpoint endpoint, InvitationService invitations)
{
    /// <summary>201 with the invitation; its email, carrying the link, is queued.</summary>
    [Function(nameof(InviteFocalPoint))]
    public Task<IActionResult> InviteFocalPoint(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "calls/{callId}/invitations")] HttpRequest request, string callId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(request, async caller =>
        {
            var input = await ApiRequest.ReadJsonAsync<InvitationInput>(request, cancellationToken);
            var view = await invitations.InviteAsync(caller, callId, input, cancellationToken);
            return new JsonResponse(view, StatusCodes.Status201Created) { ETag = view.ETag, Location = $"/api/calls/{view.CallId}/invitations/{view.Id}" };
        });

    [Function(nameof(ListInvitations))]
    public Task<IActionResult> ListInvitations(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "calls/{callId}/invitations")] HttpRequest request, string callId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(request, async caller =>
            new JsonResponse(await invitations.ListAsync(caller, callId, cancellationToken), StatusCodes.Status200OK));

    /// <summary>Revokes an invitation (If-Match of the invitation): its token stops working.</summary>
    [Function(nameof(RevokeInvitation))]
    public Task<IActionResult> RevokeInvitation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "calls/{callId}/invitations/{invitationId}/revoke")] HttpRequest request,
        string callId, string invitationId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(request, async caller =>
        {
            var view = await invitations.RevokeAsync(caller, callId, invitationId, ApiRequest.IfMatch(request), cancellationToken);
            return new JsonResponse(view, StatusCodes.Status200OK) { ETag = view.ETag };
        });
}
