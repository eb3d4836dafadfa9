namespace HostingCalls.Core.Notifications.Emails;

/// <summary>What an email says, in its two forms: the subject is a header, so it is one line and never encoded.</summary>
public sealed record Email(string Subject, string Html, string Text);
