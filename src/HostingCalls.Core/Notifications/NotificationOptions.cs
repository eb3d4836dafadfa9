namespace HostingCalls.Core.Notifications;

/// <summary>Where the secretariat's own emails go (summaries, failures).</summary>
public sealed class NotificationOptions
{
    public string SecretariatEmail { get; set; } = "";
}
