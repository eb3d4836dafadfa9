using HostingCalls.Core.Access;
using HostingCalls.Core.Common;
using HostingCalls.Core.Invitations;
using HostingCalls.Functions.Access;
using HostingCalls.Functions.Http.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HostingCalls.Functions.Http;

/// <summary>
/// The portal's focal-point sessions: the invitation link's token, sent once in <see cref="CallerResolver.InvitationHeader"/>,
/// is exchanged for an HttpOnly session cookie (<see cref="SessionCookie"/>); closing the session clears it.
/// </summary>
public sealed class SessionFunctions(ApiEndpoint endpoint, FocalPointSessions sessions, TimeProvider clock)
{
    [Function(nameof(OpenSession))]
    public Task<IActionResult> OpenSession(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sessions")] HttpRequest request, CancellationToken cancellationToken) =>
        endpoint.RunAsync(request, async _ =>
        {
            if (request.Headers[CallerResolver.InvitationHeader] is not [{ Length: > 0 } token])
            {
                throw Rejection.Invalid(CallerResolver.InvitationHeader, "Send the invitation link's token in this header.");
            }

            var (caller, session) = await sessions.OpenAsync(token.Trim(), cancellationToken);
            SessionCookie.Write(request.HttpContext.Response, session, clock.GetUtcNow());
            return new JsonResponse(new OpenedSession(CallerView.Of(caller), session.ExpiresAt), StatusCodes.Status201Created);
        });

    [Function(nameof(CloseSession))]
    public Task<IActionResult> CloseSession(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "sessions")] HttpRequest request) =>
        endpoint.RunAsync(request, _ =>
        {
            SessionCookie.Clear(request.HttpContext.Response);
            return Task.FromResult<IActionResult>(new StatusCodeResult(StatusCodes.Status204NoContent));
        });

    /// <summary>Who the session is for and until when it holds unless used; never the ticket, which only the cookie carries.</summary>
    private sealed record OpenedSession(CallerView Caller, DateTimeOffset ExpiresAt);
}
