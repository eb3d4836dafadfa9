namespace HostingCalls.Core.Notifications.Emails;

/// <summary>
/// Everything one language says, and how it writes a date. The layout is shared (<see cref="EmailLayout"/>),
/// so the languages differ only in words.
/// </summary>
internal abstract class EmailWording
{
    /// <summary>The ISO 639-1 code, also the HTML lang attribute.</summary>
    public abstract string Language { get; }

    public virtual bool RightToLeft => false;

    /// <summary>Between a label and its value in the text form; French and Chinese punctuate differently.</summary>
    public virtual string Colon => ": ";

    public abstract EmailLabels Labels { get; }

    /// <summary>May span lines: some languages name the recipient, then greet in a gender-neutral form.</summary>
    public abstract EmailText Greeting(string recipient);

    public abstract string Closing { get; }

    public abstract string Signature { get; }

    public abstract string Date(DateOnly date);

    public virtual string Dates(DateOnly start, DateOnly end) =>
        start == end ? Date(start) : $"{Date(start)} – {Date(end)}";

    public abstract EmailBody Body(NotificationKind kind, FactView f);

    protected static ArgumentOutOfRangeException Unknown(NotificationKind kind) =>
        new(nameof(kind), kind, "No email for this kind of notification.");
}
