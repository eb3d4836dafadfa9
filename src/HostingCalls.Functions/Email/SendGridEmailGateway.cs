using System.Globalization;
using HostingCalls.Core.Notifications;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace HostingCalls.Functions.Email;

/// <summary>
/// Sends through the SendGrid SDK, which does not throw for an error answer: the status decides. 202 is accepted
/// (200 too: sandbox mode), 429 waits for the rate-limit reset, 5xx and a failed connection are retried, other 4xx
/// are final, and no answer in time is Unknown (it may have been sent).
/// </summary>
public sealed class SendGridEmailGateway(ISendGridClient client, SendGridOptions options) : IEmailGateway
{
    public async Task<SendOutcome> SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            return new SendOutcome(SendOutcomeKind.Permanent, Error: "SendGrid__ApiKey is not set.");
        }

        var message = new SendGridMessage
        {
            From = new EmailAddress(options.FromEmail, options.FromName),
            Subject = email.Content.Subject,
            PlainTextContent = email.Content.Text,
            HtmlContent = email.Content.Html,
        };
        message.AddTo(new EmailAddress(email.To, email.ToName));
        // SendGrid refuses a personalization that names one address twice.
        foreach (var cc in email.Cc.Where(c => !string.Equals(c, email.To, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            message.AddCc(new EmailAddress(cc));
        }

        if (options.ReplyToEmail is { Length: > 0 } replyTo)
        {
            message.ReplyTo = new EmailAddress(replyTo);
        }

        message.AddCategories([.. (options.Categories ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            email.Kind.ToString().ToLowerInvariant()]);
        message.AddCustomArg("callId", email.CallId);
        message.AddCustomArg("notificationId", email.NotificationId);
        // An invitation's link carries its token: it must not be rewritten through a tracking redirect.
        message.SetClickTracking(false, false);

        Response response;
        try
        {
            response = await client.SendEmailAsync(message, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            return new SendOutcome(SendOutcomeKind.Transient, Error: $"SendGrid could not be reached: {exception.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendOutcome(SendOutcomeKind.Unknown, Error: $"SendGrid did not answer within {options.TimeoutSeconds} s.");
        }

        var status = (int)response.StatusCode;
        return status switch
        {
            202 or 200 => SendOutcome.Accepted(Header(response, "X-Message-Id")),
            429 => new SendOutcome(SendOutcomeKind.RateLimited, Error: "SendGrid rate limit (429).", RetryAt: ResetOf(response)),
            >= 500 => new SendOutcome(SendOutcomeKind.Transient, Error: $"SendGrid answered {status}: {await BodyAsync(response)}"),
            _ => new SendOutcome(SendOutcomeKind.Permanent, Error: $"SendGrid refused it ({status}): {await BodyAsync(response)}"),
        };
    }

    private static string? Header(Response response, string name) =>
        response.Headers is { } headers && headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    /// <summary>X-RateLimit-Reset is the Unix time in seconds when the limit resets.</summary>
    private static DateTimeOffset? ResetOf(Response response) =>
        long.TryParse(Header(response, "X-RateLimit-Reset"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private static async Task<string> BodyAsync(Response response)
    {
        var body = response.Body is null ? "" : await response.Body.ReadAsStringAsync();
        return body.Length > 500 ? body[..500] : body;
    }
}
