using System.Globalization;
using HostingCalls.Core.Audit;
using Microsoft.Extensions.Logging;

namespace HostingCalls.Core.Notifications;

/// <summary>
/// Sends one notification, at most once. The ledger row is taken (Queued → Sending, by ETag) before SendGrid is
/// called, so two deliveries of the same message never both send. If the process stops after SendGrid accepted
/// the email but before the row says Sent, the next delivery finds it Sending and marks it Unconfirmed instead of
/// sending again: SendGrid has no idempotency key, and a second email is worse than a late one. The Event Webhook
/// then settles it (processed or delivered), or the secretariat sees it Unconfirmed and re-drives it.
/// </summary>
public sealed partial class NotificationSender(
    INotificationLedger ledger, EmailComposer composer, IEmailGateway gateway, NotificationOutbox outbox, TimeProvider clock, ILogger<NotificationSender> logger)
{
    /// <summary>The longest wait for a rate-limit reset before the message goes back to the queue.</summary>
    public static readonly TimeSpan LongestRateLimitWait = TimeSpan.FromMinutes(1);

    public async Task SendAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        var stored = await ledger.FindAsync(message.CallId, message.NotificationId, cancellationToken);
        if (stored is null || stored.Value.IsSettled)
        {
            return; // Unknown, or sent (or settled) already: a message delivered twice sends nothing twice.
        }

        var notification = stored.Value;
        if (notification.Status == NotificationStatus.Sending)
        {
            await MoveAsync(notification, Unconfirmed(notification), stored.ETag, AuditEntries.Sender, cancellationToken);
            return;
        }

        // Written before the row is taken: a storage fault here leaves it Queued for the retry, never half-sent.
        OutgoingEmail email;
        try
        {
            email = await composer.ComposeAsync(notification, cancellationToken);
        }
        catch (InvalidDataException exception)
        {
            await MoveAsync(notification, notification with { Status = NotificationStatus.Failed, LastError = exception.Message }, stored.ETag, AuditEntries.Sender, cancellationToken);
            return;
        }

        var sending = notification with { Status = NotificationStatus.Sending, Attempts = notification.Attempts + 1 };
        var etag = await ledger.TryReplaceAsync(sending, stored.ETag, cancellationToken);
        if (etag is null)
        {
            return; // Another instance took it.
        }

        var outcome = await gateway.SendAsync(email, cancellationToken);
        var now = clock.GetUtcNow();
        // If a delivery event got here first, it already moved the row on: leave it.
        await MoveAsync(sending, Settled(sending, outcome, now), etag, AuditEntries.Sender, cancellationToken);
        switch (outcome.Kind)
        {
            case SendOutcomeKind.Accepted:
                return;
            case SendOutcomeKind.Permanent:
                LogRefused(logger, notification.Id, outcome.Error);
                return;
            case SendOutcomeKind.Unknown:
                throw new NotificationRetryException(notification.Id, outcome.Error ?? "no answer");
            default:
                if (RateLimitWait(outcome, now) is { } wait)
                {
                    // The queue's own retry delay is fixed; waiting for the reset first keeps the next attempt from hitting the limit again.
                    await Task.Delay(wait, clock, cancellationToken);
                }

                throw new NotificationRetryException(notification.Id, outcome.Error ?? outcome.Kind.ToString());
        }
    }

    /// <summary>A row found Sending: an attempt stopped after handing it to SendGrid, so it is never sent again by itself.</summary>
    internal static Notification Unconfirmed(Notification notification) => notification with
    {
        Status = NotificationStatus.Unconfirmed,
        LastError = $"An attempt stopped after handing it to SendGrid ({notification.LastError ?? "no answer recorded"}); not sent again.",
    };

    /// <summary>
    /// The row after SendGrid answered: Sent, Failed for good, left Sending when the answer is unknown (the next
    /// delivery marks it Unconfirmed rather than risk a second email), or back to Queued for a retry.
    /// </summary>
    internal static Notification Settled(Notification sending, SendOutcome outcome, DateTimeOffset now) => outcome.Kind switch
    {
        SendOutcomeKind.Accepted => sending with { Status = NotificationStatus.Sent, MessageId = outcome.MessageId, SentAt = now, LastError = null },
        SendOutcomeKind.Permanent => sending with { Status = NotificationStatus.Failed, LastError = outcome.Error },
        SendOutcomeKind.Unknown => sending with { LastError = outcome.Error },
        _ => sending with { Status = NotificationStatus.Queued, QueuedAt = now, LastError = outcome.Error },
    };

    /// <summary>How long to wait for a rate limit to reset before the message goes back, at most <see cref="LongestRateLimitWait"/>.</summary>
    internal static TimeSpan? RateLimitWait(SendOutcome outcome, DateTimeOffset now) =>
        outcome is { Kind: SendOutcomeKind.RateLimited, RetryAt: { } retryAt } && retryAt > now
            ? (retryAt - now < LongestRateLimitWait ? retryAt - now : LongestRateLimitWait)
            : null;

    /// <summary>
    /// For a message that used up its deliveries (the poison queue): records it Failed and tells the secretariat,
    /// unless it was sent after all.
    /// </summary>
    public async Task GiveUpAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        var stored = await ledger.FindAsync(message.CallId, message.NotificationId, cancellationToken);
        if (stored is null || stored.Value.IsSettled)
        {
            return;
        }

        // A last attempt that got no answer may have been sent: it is Unconfirmed, never Failed, so that nobody
        // re-drives it thinking it was not.
        var notification = stored.Value;
        var unanswered = notification.Status == NotificationStatus.Sending;
        var failed = notification with
        {
            Status = unanswered ? NotificationStatus.Unconfirmed : NotificationStatus.Failed,
            LastError = $"Gave up after {notification.Attempts} attempts{(unanswered ? "; the last got no answer, so it may have been sent" : "")}: {notification.LastError ?? "no answer recorded"}",
        };
        if (await MoveAsync(notification, failed, stored.ETag, AuditEntries.GiveUp, cancellationToken) is null)
        {
            return;
        }

        LogGaveUp(logger, notification.Id, failed.LastError);
        if (notification.Kind == NotificationKind.Summary)
        {
            return; // An email to the secretariat about a failed email to the secretariat would fail the same way.
        }

        // Keyed by the attempts too: a re-driven email that fails again is told again.
        var alert = Notification.Summary(notification.CallId, string.Create(CultureInfo.InvariantCulture, $"failed-{notification.Id}-{notification.Attempts}"), clock.GetUtcNow(),
            unanswered
                ? $"The {notification.Kind} email {notification.Id} may or may not have been sent: {failed.LastError}. Re-drive it only if no delivery event comes."
                : $"The {notification.Kind} email {notification.Id} could not be sent: {failed.LastError}. Re-drive it from the call's notifications once the cause is mended.");
        await ledger.RecordAsync([alert], cancellationToken);
        await outbox.TryQueueAsync(alert, cancellationToken);
    }

    /// <summary>A move of the row, with its audit entry when it is one the trail keeps (sent, failed, unconfirmed).</summary>
    private Task<string?> MoveAsync(Notification before, Notification after, string etag, string by, CancellationToken cancellationToken) =>
        ledger.TryReplaceAsync(after, etag, AuditEntries.NotificationMoved(before, after, AuditActor.System(by), clock), cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SendGrid refused notification {NotificationId} for good: {Error}")]
    private static partial void LogRefused(ILogger logger, string notificationId, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification {NotificationId} failed for good: {Error}")]
    private static partial void LogGaveUp(ILogger logger, string notificationId, string? error);
}
