using System.Security.Cryptography;
using System.Text;
using HostingCalls.Core.Audit;
using HostingCalls.Core.Common;
using Microsoft.Extensions.Logging;

namespace HostingCalls.Core.Notifications.Delivery;

/// <summary>
/// Takes SendGrid's Event Webhook: refuses a request whose signature does not verify (401, nothing changed), answers
/// a request received before as done without doing it again, then moves each notification the events name to Sent,
/// Delivered, Bounced or Dropped.
/// </summary>
public sealed partial class DeliveryTracker(INotificationLedger ledger, IDeliveryEventLog log, EventWebhookVerifier? verifier, TimeProvider clock, ILogger<DeliveryTracker> logger)
{
    private const int Attempts = 5;

    /// <summary>Applies the events of one request; returns how many moved a notification.</summary>
    public async Task<int> ReceiveAsync(string? timestamp, string? signature, byte[] body, CancellationToken cancellationToken)
    {
        if (verifier is null)
        {
            LogNoKey(logger);
            throw Unauthenticated("The Event Webhook verification key is not configured; no event is accepted.");
        }

        if (!verifier.Verify(timestamp, signature, body, clock.GetUtcNow()))
        {
            throw Unauthenticated("The signature does not verify, or the request is too old or too new.");
        }

        // Keyed on what was signed, never on the signature: an ECDSA signature (r, s) has a twin (r, n - s) that also
        // verifies. SendGrid retries a delivery it thinks failed, so a repeat is answered as done and changes nothing.
        if (!await log.TryRecordRequestAsync(RequestHash(timestamp!, body), cancellationToken))
        {
            return 0;
        }

        IReadOnlyList<DeliveryEvent> events;
        try
        {
            events = DeliveryEvents.Parse(body);
        }
        catch (FormatException exception)
        {
            throw Rejection.Invalid("body", exception.Message);
        }

        var moved = 0;
        foreach (var delivery in events)
        {
            if (delivery.CallId is not { } callId || !Ids.IsWellFormed(callId) || delivery.NotificationId is not { } notificationId
                || !Notification.IsWellFormedId(notificationId) || await log.HasEventAsync(callId, Ids.Hash(delivery.EventId), cancellationToken))
            {
                continue; // Not one of ours, or seen before.
            }

            moved += await ApplyAsync(callId, notificationId, delivery, cancellationToken) ? 1 : 0;
            await log.RecordEventAsync(callId, Ids.Hash(delivery.EventId), cancellationToken);
        }

        return moved;
    }

    private async Task<bool> ApplyAsync(string callId, string notificationId, DeliveryEvent delivery, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (await ledger.FindAsync(callId, notificationId, cancellationToken) is not { } stored)
            {
                return false;
            }

            var n = stored.Value;
            NotificationStatus? next = delivery.Type switch
            {
                // Processed proves SendGrid accepted it: it settles a send whose answer was lost.
                DeliveryEventType.Processed when n.Status is NotificationStatus.Sending or NotificationStatus.Unconfirmed => NotificationStatus.Sent,
                DeliveryEventType.Delivered => NotificationStatus.Delivered,
                DeliveryEventType.Bounced => NotificationStatus.Bounced,
                DeliveryEventType.Dropped => NotificationStatus.Dropped,
                _ => null,
            };
            if (next is null || (n.EventAt is { } last && delivery.At < last))
            {
                return false; // Nothing to say, or older than what the row already tells.
            }

            var moved = n with
            {
                Status = next.Value,
                EventAt = delivery.At,
                MessageId = n.MessageId ?? delivery.MessageId,
                LastError = next is NotificationStatus.Bounced or NotificationStatus.Dropped ? delivery.Reason : n.LastError,
            };
            if (await ledger.TryReplaceAsync(moved, stored.ETag, AuditEntries.NotificationMoved(n, moved, AuditActor.System(AuditEntries.EventWebhook), clock), cancellationToken) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>SHA-256 of the timestamp, a line break, then the body: the verified timestamp is digits only, so no two pairs share it.</summary>
    private static string RequestHash(string timestamp, ReadOnlySpan<byte> body)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(timestamp + "\n"));
        sha.AppendData(body);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static Rejection Unauthenticated(string detail) => new(RejectionKind.Unauthenticated, "Not a verified SendGrid request.", detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "SendGrid__EventWebhookVerificationKey is not set: Event Webhook requests are refused")]
    private static partial void LogNoKey(ILogger logger);
}
