using System.Runtime.CompilerServices;

namespace HostingCalls.Core.Notifications.Emails;

/// <summary>
/// A sentence written as an interpolated string: the literal parts are our wording, the holes are facts. Keeping
/// them apart lets the layout encode and direction-isolate every fact, however a language orders its words.
/// </summary>
[InterpolatedStringHandler]
internal sealed class EmailText
{
    /// <summary>Shown for a fact the sender did not give, rather than an empty gap in a sentence.</summary>
    public const string Missing = "—";

    private readonly List<(string Text, bool IsFact)> _parts;

    public EmailText(int literalLength, int formattedCount) => _parts = new(2 * formattedCount + 1);

    private EmailText(string words) => _parts = [(words, false)];

    public IReadOnlyList<(string Text, bool IsFact)> Parts => _parts;

    public static implicit operator EmailText(string words) => new(words);

    public void AppendLiteral(string value) => _parts.Add((value, false));

    // Only strings: numbers and dates are formatted once, in FactView, so no language formats them differently.
    public void AppendFormatted(string? value) => _parts.Add((value ?? Missing, true));

    public override string ToString() => string.Concat(_parts.Select(p => p.Text));
}
