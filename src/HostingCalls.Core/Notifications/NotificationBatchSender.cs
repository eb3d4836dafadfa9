using HostingCalls.Core.Audit;
using HostingCalls.Core.Common;
using Microsoft.Extensions.Logging;

namespace HostingCalls.Core.Notifications;

/// <summary>
/// Sends a batch of one call's notifications with the guarantees <see cref="NotificationSender"/> gives each one:
/// the rows are read together, taken together (Queued → Sending, by ETag, in one transaction) before SendGrid is
/// called, each email is sent on its own, and the outcomes are written together. A row another run changed
/// meanwhile is left to it; a row found Sending is marked Unconfirmed, never sent again. If any email is to be
/// retried (429, 5xx, no answer) the message goes back to the queue, and the next delivery sends only those.
/// </summary>
public sealed partial class NotificationBatchSender(
    INotificationLedger ledger, EmailComposer composer, IEmailGateway gateway, NotificationSender sender, TimeProvider clock, ILogger<NotificationBatchSender> logger)
{
    /// <summary>Emails of one batch handed to SendGrid at once.</summary>
    private const int SendsInFlight = 8;

    public async Task SendAsync(NotificationBatch batch, CancellationToken cancellationToken)
    {
        var pending = new List<Stored<Notification>>();
        foreach (var stored in await ledger.FindAllAsync(batch.CallId, batch.NotificationIds, cancellationToken))
        {
            if (stored.Value.Status == NotificationStatus.Sending)
            {
                await ledger.TryReplaceAsync(NotificationSender.Unconfirmed(stored.Value), stored.ETag, cancellationToken);
            }
            else if (!stored.Value.IsSettled)
            {
                pending.Add(stored);
            }
        }

        // Written before the rows are taken: a storage fault here leaves them Queued for the retry, never half-sent.
        var composed = await composer.ComposeAllAsync([.. pending.Select(p => p.Value)], cancellationToken);
        var claims = new List<NotificationMove>();
        var emails = new Dictionary<string, OutgoingEmail>(StringComparer.Ordinal);
        for (var i = 0; i < pending.Count; i++)
        {
            var (notification, email, error) = composed[i];
            if (email is null)
            {
                var failed = notification with { Status = NotificationStatus.Failed, LastError = error };
                await ledger.TryReplaceAsync(failed, pending[i].ETag, AuditEntries.NotificationMoved(notification, failed, AuditActor.System(AuditEntries.Sender), clock), cancellationToken);
                continue;
            }

            claims.Add(new NotificationMove(pending[i], notification with { Status = NotificationStatus.Sending, Attempts = notification.Attempts + 1 }));
            emails[notification.Id] = email;
        }

        var taken = await ledger.MoveUnchangedAsync(claims, cancellationToken);
        var outcomes = new SendOutcome[taken.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, taken.Count), new ParallelOptions { MaxDegreeOfParallelism = SendsInFlight, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                try
                {
                    outcomes[i] = await gateway.SendAsync(emails[taken[i].Value.Id], token);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // Settled with the others as no answer: it may have gone out, so it is never sent again by itself.
                    outcomes[i] = new SendOutcome(SendOutcomeKind.Unknown, Error: exception.Message);
                }
            });

        // If a delivery event got to a row first, it already moved it on: that row is left as the event left it.
        var now = clock.GetUtcNow();
        var settled = taken.Select((t, i) => new NotificationMove(t, NotificationSender.Settled(t.Value, outcomes[i], now))).ToList();
        var audits = settled.Select(s => AuditEntries.NotificationMoved(s.From.Value, s.To, AuditActor.System(AuditEntries.Sender), clock)).ToList();
        await ledger.MoveUnchangedAsync(settled, cancellationToken, audits);

        var retries = new List<string>();
        TimeSpan? wait = null;
        for (var i = 0; i < taken.Count; i++)
        {
            var outcome = outcomes[i];
            if (outcome.Kind == SendOutcomeKind.Permanent)
            {
                LogRefused(logger, taken[i].Value.Id, outcome.Error);
            }
            else if (outcome.Kind != SendOutcomeKind.Accepted)
            {
                retries.Add($"{taken[i].Value.Id}: {outcome.Error ?? outcome.Kind.ToString()}");
                wait = NotificationSender.RateLimitWait(outcome, now) is { } reset && reset > (wait ?? TimeSpan.Zero) ? reset : wait;
            }
        }

        if (retries.Count == 0)
        {
            return;
        }

        if (wait is { } delay)
        {
            // The queue's own retry delay is fixed; waiting for the reset first keeps the next attempt from hitting the limit again.
            await Task.Delay(delay, clock, cancellationToken);
        }

        throw new NotificationRetryException($"{retries.Count} of batch {batch.NotificationIds[0]}", string.Join("; ", retries));
    }

    /// <summary>For a batch that used up its deliveries: each notification not settled is given up as on its own.</summary>
    public async Task GiveUpAsync(NotificationBatch batch, CancellationToken cancellationToken)
    {
        foreach (var id in batch.NotificationIds)
        {
            await sender.GiveUpAsync(new NotificationMessage(batch.CallId, id), cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SendGrid refused notification {NotificationId} for good: {Error}")]
    private static partial void LogRefused(ILogger logger, string notificationId, string? error);
}
