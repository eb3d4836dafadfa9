using HostingCalls.Core.Decisions;
using HostingCalls.Core.Notifications.Delivery;
using HostingCalls.Functions.Http.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HostingCalls.Functions.Http;

/// <summary>Notifications: the secretariat follows and re-drives them; SendGrid reports on their delivery.</summary>
public sealed class NotificationFunctions(ApiEndpoint endpoint, ResultsService results, DeliveryTracker delivery)
{
    public const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";
    public const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";

    [Function(nameof(ListNotifications))]
    public Task<IActionResult> ListNotifications(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "calls/{callId}/notifications")] HttpRequest request, string callId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(request, async caller =>
            new JsonResponse(await results.ListAsync(caller, callId, cancellationToken), StatusCodes.Status200OK));

    /// <summary>Sends a Failed or Unconfirmed notification again (If-Match of the notification).</summary>
    [Function(nameof(RedriveNotification))]
    public Task<IActionResult> RedriveNotification(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "calls/{callId}/notifications/{notificationId}/redrive")] HttpRequest request,
        string callId, string notificationId, CancellationToken cancellationToken) =>
        endpoint.RunAsync(request, async caller =>
        {
            var view = await results.RedriveAsync(caller, callId, notificationId, ApiRequest.IfMatch(request), cancellationToken);
            return new JsonResponse(view, StatusCodes.Status202Accepted) { ETag = view.ETag };
        });

    /// <summary>SendGrid's Signed Event Webhook: 401 unless the signature verifies and is new; 204 when taken.</summary>
    [Function(nameof(ReceiveSendGridEvents))]
    public Task<IActionResult> ReceiveSendGridEvents(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sendgrid/events")] HttpRequest request, CancellationToken cancellationToken) =>
        endpoint.RunAsync(request, async _ =>
        {
            var body = await ApiRequest.ReadBodyAsync(request, cancellationToken);
            await delivery.ReceiveAsync(request.Headers[TimestampHeader].FirstOrDefault(), request.Headers[SignatureHeader].FirstOrDefault(), body, cancellationToken);
            IActionResult done = new NoContentResult();
            return done;
        });
}
