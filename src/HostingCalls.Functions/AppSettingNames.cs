namespace HostingCalls.Functions;

/// <summary>
/// Every setting the app reads, by the name it has in app settings (a <c>__</c> nests a section).
/// The infrastructure test checks each one against local.settings.sample.json and the Bicep app settings.
/// </summary>
public static class AppSettingNames
{
    /// <summary>Data storage connection: a connection string locally, <c>HostingCallsStorage__*ServiceUri</c> with an identity in Azure.</summary>
    public const string Storage = "HostingCallsStorage";

    /// <summary>Largest attachment accepted, in bytes (default 10 MB).</summary>
    public const string AttachmentMaxBytes = "Attachments__MaxBytes";

    /// <summary>Turns on the development caller header; refused at start-up in Azure.</summary>
    public const string DevelopmentCallerEnabled = "DevelopmentCaller__Enabled";

    /// <summary>The Microsoft Entra tenant whose tokens make staff (a GUID); required in Azure.</summary>
    public const string SecretariatTenantId = "Secretariat__TenantId";

    /// <summary>The app registration's application (client) id: the audience staff tokens must carry; required in Azure.</summary>
    public const string SecretariatClientId = "Secretariat__ClientId";

    /// <summary>The Entra authority host (default https://login.microsoftonline.com/); another one for sovereign clouds.</summary>
    public const string SecretariatInstance = "Secretariat__Instance";

    /// <summary>Browser origins besides the app's own whose pages may send changes (comma-separated; the site's CORS list).</summary>
    public const string HttpAllowedOrigins = "Http__AllowedOrigins";

    /// <summary>The Entra claim holding a signed-in member's nationality as an ISO alpha-3 code (default <c>nationality</c>).</summary>
    public const string SecretariatNationalityClaim = "Secretariat__NationalityClaim";

    /// <summary>
    /// The keys that sign focal points' invitation tokens, <c>kid1:base64key;kid2:base64key</c>: the first signs, all
    /// verify (rotation). A Key Vault reference in Azure.
    /// </summary>
    public const string MemberStateTokenSigningKeys = "MemberStateTokens__SigningKeys";

    /// <summary>The portal page invitation links open; the token follows in the fragment, <c>#invitation=</c>.</summary>
    public const string InvitationPortalUrl = "Invitations__PortalUrl";

    /// <summary>Fair use: offers one invitation may submit to its call, withdrawn ones included (default 20; 429 beyond).</summary>
    public const string InvitationMaxOffers = "Invitations__MaxOffers";

    /// <summary>Fair use: revisions, in all, of the offers one invitation submitted (default 100; 429 beyond).</summary>
    public const string InvitationMaxRevisions = "Invitations__MaxRevisions";

    /// <summary>Fair use: attachment bytes, in all, on the offers one invitation submitted (default 209715200; 429 beyond).</summary>
    public const string InvitationMaxAttachmentBytes = "Invitations__MaxAttachmentBytes";

    /// <summary>NCRONTAB schedule of the timer that re-enqueues notifications recorded but not yet queued.</summary>
    public const string NotificationOutboxSchedule = "NotificationOutboxSchedule";

    /// <summary>NCRONTAB schedule of the timer that closes calls at their deadline and ranks them (default every minute).</summary>
    public const string CallClosingSchedule = "CallClosingSchedule";

    /// <summary>NCRONTAB schedule of the timer that releases results at the results date and follows up hosts' confirmations.</summary>
    public const string ResultsReleaseSchedule = "ResultsReleaseSchedule";

    /// <summary>NCRONTAB schedule of the timer that seals every call's pending audit entries into its hash chain.</summary>
    public const string AuditSealingSchedule = "AuditSealingSchedule";

    /// <summary>SendGrid API key with Mail Send (a Key Vault reference in Azure).</summary>
    public const string SendGridApiKey = "SendGrid__ApiKey";

    /// <summary>SendGrid API address (default https://api.sendgrid.com); a local capture endpoint in tests and rehearsals.</summary>
    public const string SendGridHost = "SendGrid__Host";

    /// <summary>Sender address and name of every email (a verified sender in SendGrid).</summary>
    public const string SendGridFromEmail = "SendGrid__FromEmail";

    public const string SendGridFromName = "SendGrid__FromName";

    /// <summary>Where replies to the emails go.</summary>
    public const string SendGridReplyToEmail = "SendGrid__ReplyToEmail";

    /// <summary>Comma-separated SendGrid categories on every email.</summary>
    public const string SendGridCategories = "SendGrid__Categories";

    /// <summary>Seconds to wait for SendGrid's answer (default 30).</summary>
    public const string SendGridTimeoutSeconds = "SendGrid__TimeoutSeconds";

    /// <summary>Public key that verifies the Signed Event Webhook (base64 DER).</summary>
    public const string SendGridEventWebhookVerificationKey = "SendGrid__EventWebhookVerificationKey";

    /// <summary>The secretariat's address for result summaries and failure notices.</summary>
    public const string SecretariatEmail = "Notifications__SecretariatEmail";
}
