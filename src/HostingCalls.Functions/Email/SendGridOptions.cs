namespace HostingCalls.Functions.Email;

/// <summary>The <c>SendGrid__*</c> settings.</summary>
public sealed class SendGridOptions
{
    /// <summary>From Key Vault in Azure; never in the repo.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The API's address; tests and the rehearsal point it at a local capture endpoint.</summary>
    public string Host { get; set; } = "https://api.sendgrid.com";

    public string FromEmail { get; set; } = "";
    public string FromName { get; set; } = "";
    public string? ReplyToEmail { get; set; }

    /// <summary>Comma-separated SendGrid categories put on every email, beside the notification's kind.</summary>
    public string? Categories { get; set; }

    /// <summary>How long to wait for SendGrid's answer; without one in time the send is Unknown, never repeated blindly.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>The Signed Event Webhook's verification key (base64 DER, as SendGrid shows it).</summary>
    public string? EventWebhookVerificationKey { get; set; }
}
