namespace HostingCalls.Core.Common;

/// <summary>Collects every field error of one request so the caller can mend them all at once.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            messages = [];
            _errors[field] = messages;
        }

        messages.Add(message);
    }

    /// <summary>Throws a <see cref="Rejection"/> naming every bad field, if there is one.</summary>
    public void ThrowIfAny(string what)
    {
        if (!Any)
        {
            return;
        }

        var fields = string.Join(", ", _errors.Keys);
        throw new Rejection(RejectionKind.Invalid, $"The {what} is not valid.",
            $"Mend these fields: {fields}.",
            _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
    }
}
