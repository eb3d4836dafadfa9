namespace HostingCalls.Rehearsal;

/// <summary>The settings the rehearsal runs the app with: development callers, and SendGrid pointed at the local stand-in.</summary>
public static class LocalAppSettings
{
    public const string SecretariatEmail = "secretariat@rehearsal.example";

    public static Dictionary<string, string?> For(string sendGridHost) => new()
    {
        ["SendGrid:ApiKey"] = "SG.rehearsal",
        ["SendGrid:Host"] = sendGridHost,
        ["SendGrid:FromEmail"] = "hosting-calls@rehearsal.example",
        ["SendGrid:FromName"] = "Secretariat (rehearsal)",
        ["SendGrid:ReplyToEmail"] = SecretariatEmail,
        ["SendGrid:Categories"] = "rehearsal",
        ["Notifications:SecretariatEmail"] = SecretariatEmail,
    };
}
