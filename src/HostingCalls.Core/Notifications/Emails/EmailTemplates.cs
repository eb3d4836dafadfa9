namespace HostingCalls.Core.Notifications.Emails;

/// <summary>The emails about offers and results, in the six official languages of the United Nations.</summary>
public static class EmailTemplates
{
    private static readonly EmailWording English = new EnglishEmails();

    private static readonly EmailWording[] Wordings =
        [new ArabicEmails(), new ChineseEmails(), English, new FrenchEmails(), new RussianEmails(), new SpanishEmails()];

    public static IReadOnlyList<string> Languages { get; } = [.. Wordings.Select(w => w.Language)];

    /// <summary>Unknown or null language falls back to English; "fr-CA" or "ZH" find their language.</summary>
    public static Email Render(NotificationKind kind, string? language, EmailFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return EmailLayout.Render(kind, Wording(language), facts);
    }

    private static EmailWording Wording(string? language)
    {
        var primary = language?.Split('-', '_')[0].Trim();
        return Wordings.FirstOrDefault(w => string.Equals(w.Language, primary, StringComparison.OrdinalIgnoreCase)) ?? English;
    }
}
