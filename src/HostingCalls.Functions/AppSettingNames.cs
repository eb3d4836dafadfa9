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

    /// <summary>NCRONTAB schedule of the timer that re-enqueues notifications recorded but not yet queued.</summary>
    public const string NotificationOutboxSchedule = "NotificationOutboxSchedule";

    /// <summary>NCRONTAB schedule of the timer that closes calls at their deadline and ranks them (default every minute).</summary>
    public const string CallClosingSchedule = "CallClosingSchedule";
}
