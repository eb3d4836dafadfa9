using System.Text.RegularExpressions;

namespace HostingCalls.Core.Invitations;

/// <summary>
/// The keys that sign and verify focal points' tokens, from the setting <c>MemberStateTokens__SigningKeys</c>:
/// <c>kid1:base64key;kid2:base64key</c>. The first signs; every one listed verifies, so a new key can be put first
/// while tokens signed with the old one still work, and the old one removed once they need not.
/// </summary>
public sealed partial class TokenSigningKeys
{
    public const int MinKeyBytes = 32;

    private readonly Dictionary<string, byte[]> _keys;

    private TokenSigningKeys(string? signingKeyId, Dictionary<string, byte[]> keys)
    {
        SigningKeyId = signingKeyId;
        _keys = keys;
    }

    /// <summary>No keys: no token can be made or accepted.</summary>
    public static TokenSigningKeys None { get; } = new(null, new(StringComparer.Ordinal));

    /// <summary>The id of the key that signs new tokens; null when none is set.</summary>
    public string? SigningKeyId { get; }

    public IReadOnlyCollection<string> KeyIds => _keys.Keys;

    public byte[]? Find(string keyId) => _keys.GetValueOrDefault(keyId);

    /// <summary>
    /// Reads the setting; empty means none. A malformed setting throws at start-up, naming what is wrong but never a key.
    /// </summary>
    public static TokenSigningKeys Parse(string? setting, string settingName)
    {
        if (string.IsNullOrWhiteSpace(setting))
        {
            return None;
        }

        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        string? first = null;
        var entries = setting.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < entries.Length; i++)
        {
            var parts = entries[i].Split(':', 2);
            if (parts.Length != 2 || !KeyId().IsMatch(parts[0]))
            {
                throw new InvalidOperationException(
                    $"{settingName}: entry {i + 1} is not 'keyId:base64key' with a key id of 1 to 32 letters, digits, '-' or '_'.");
            }

            var bytes = new byte[parts[1].Length];
            if (!Convert.TryFromBase64String(parts[1], bytes, out var length) || length < MinKeyBytes)
            {
                throw new InvalidOperationException($"{settingName}: the key '{parts[0]}' is not base64 of at least {MinKeyBytes} bytes.");
            }

            if (!keys.TryAdd(parts[0], bytes[..length]))
            {
                throw new InvalidOperationException($"{settingName}: the key id '{parts[0]}' is listed twice.");
            }

            first ??= parts[0];
        }

        return first is null ? None : new TokenSigningKeys(first, keys);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyId();
}
