using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using HostingCalls.Core.Common;

namespace HostingCalls.Core.Invitations;

/// <summary>
/// Focal points' tokens: <c>v1.{keyId}.{payload}.{mac}</c>, the payload base64url of a small JSON document (call,
/// Member State, invitation, expiry in Unix seconds) and the MAC base64url of HMAC-SHA256 over
/// <c>{Purpose}v1.{keyId}.{payload}</c> with the key named. The purpose label is signed but never sent: a MAC the
/// app makes for anything else can never pass for an invitation token, even if a key were ever shared. Verification never says why a token failed (a caller learns
/// nothing from trying), and compares MACs in constant time.
/// </summary>
public sealed class MemberStateTokens(TokenSigningKeys keys, TimeProvider clock)
{
    public const string Version = "v1";

    /// <summary>Prefixed to what the MAC covers: binds a MAC to this one use.</summary>
    public const string Purpose = "hostingcalls/invitation/v1\n";

    /// <summary>Far longer than any token this class makes; a bound on work for a forged one.</summary>
    public const int MaxLength = 1024;

    public bool CanSign => keys.SigningKeyId is not null;

    public string Sign(MemberStateToken token)
    {
        var keyId = keys.SigningKeyId ?? throw new InvalidOperationException("No token signing key is set (MemberStateTokens__SigningKeys).");
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Payload(token.CallId, token.MemberState, token.InvitationId, token.ExpiresAt.ToUnixTimeSeconds())));
        var signed = $"{Version}.{keyId}.{payload}";
        return $"{signed}.{Base64Url(Mac(keys.Find(keyId)!, signed))}";
    }

    /// <summary>What the token says, if it is well formed, signed by a listed key and not expired; otherwise null.</summary>
    public MemberStateToken? Verify(string? token)
    {
        if (token is null || token.Length > MaxLength)
        {
            return null;
        }

        var parts = token.Split('.');
        if (parts is not [Version, var keyId, var payload, var mac] || keys.Find(keyId) is not { } key)
        {
            return null;
        }

        var expected = Mac(key, $"{Version}.{keyId}.{payload}");
        if (FromBase64Url(mac) is not { } given || !CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return null;
        }

        var read = Read(payload);
        return read is not null && read.ExpiresAt > clock.GetUtcNow() ? read : null;
    }

    private static MemberStateToken? Read(string payload)
    {
        try
        {
            var p = FromBase64Url(payload) is { } json ? JsonSerializer.Deserialize<Payload>(json) : null;
            return p is { C: { } call, S: { Length: 3 } state, I: { } invitation } && Ids.IsWellFormed(call) && Ids.IsWellFormed(invitation)
                ? new MemberStateToken(call, state, invitation, DateTimeOffset.FromUnixTimeSeconds(p.E))
                : null;
        }
        catch (Exception exception) when (exception is JsonException or ArgumentOutOfRangeException)
        {
            return null; // Only a key holder could sign such a payload, but it is still refused rather than thrown.
        }
    }

    private static byte[] Mac(byte[] key, string signed) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(Purpose + signed));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string text)
    {
        if (text.Length == 0 || text.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            return null;
        }

        var padded = text.Replace('-', '+').Replace('_', '/') + (text.Length % 4) switch { 2 => "==", 3 => "=", _ => "" };
        var bytes = new byte[padded.Length];
        // Canonical only: unused trailing bits would otherwise let two spellings of one MAC both pass.
        return Convert.TryFromBase64String(padded, bytes, out var length) && Base64Url(bytes[..length]) == text ? bytes[..length] : null;
    }

    /// <summary>Short names keep the token, and the link, short.</summary>
    private sealed record Payload(
        [property: JsonPropertyName("c")] string? C,
        [property: JsonPropertyName("s")] string? S,
        [property: JsonPropertyName("i")] string? I,
        [property: JsonPropertyName("e")] long E);
}
