namespace HostingCalls.Core.Notifications.Emails;

/// <summary>
/// The words of one kind of email in one language: a short subject phrase, the paragraph before the details and
/// the one after. The layout adds everything else, the same way in every language.
/// </summary>
internal sealed record EmailBody(string Subject, EmailText Lead, EmailText Follow);
