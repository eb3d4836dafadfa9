using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using HostingCalls.Core.Access;
using HostingCalls.Core.Common;

namespace HostingCalls.Core.Invitations;

/// <summary>A focal point's portal session: the ticket to keep in an HttpOnly cookie, and until when it holds.</summary>
public sealed record FocalPointSession(string Ticket, DateTimeOffset ExpiresAt);

/// <summary>
/// The portal exchanges an invitation link's token once for a short session, so the long-lived token never stays
/// in the browser where scripts could read it. A ticket is <c>s1.{keyId}.{payload}.{mac}</c>: the invitation it came
/// from (call, state, invitation, the invitation's own expiry) and the session's end, MAC'd with the token signing
/// key under its own purpose label, so no invitation token can pass for a session nor a session for a token. Every
/// use checks the invitation is still Active (revocation ends its sessions) and renews a ticket past half its life.
/// </summary>
public sealed class FocalPointSessions(TokenSigningKeys keys, MemberStateTokens tokens, FocalPointSignIn signIn, TimeProvider clock)
{
    public const string Version = "s1";

    /// <summary>Idle time after which a session ends: the link opens a new one.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private const string Purpose = "hostingcalls/focal-point-session\n";

    private const int MaxLength = 1024;

    /// <summary>A session for the focal point the invitation token names; the token is refused (401) as at sign-in.</summary>
    public async Task<(Caller Caller, FocalPointSession Session)> OpenAsync(string invitationToken, CancellationToken cancellationToken)
    {
        var caller = await signIn.SignInAsync(invitationToken, cancellationToken);
        var invitation = tokens.Verify(invitationToken)!; // Just verified by the sign-in.
        return (caller, Issue(invitation));
    }

    /// <summary>The focal point of a live session, with a renewed session once half of it has passed; else a 401.</summary>
    public async Task<(Caller Caller, FocalPointSession? Renewed)> ResumeAsync(string ticket, CancellationToken cancellationToken)
    {
        var (invitation, endsAt) = Verify(ticket) ?? throw Ended();
        Caller caller;
        try
        {
            caller = await signIn.SignInAsync(invitation, cancellationToken);
        }
        catch (Rejection rejection) when (rejection.Kind == RejectionKind.Unauthenticated)
        {
            throw Ended();
        }

        return (caller, endsAt - clock.GetUtcNow() < Lifetime / 2 ? Issue(invitation) : null);
    }

    public static Rejection Ended() =>
        new(RejectionKind.Unauthenticated, "Session ended.",
            "Your session has ended or the invitation is no longer valid: open the invitation link from your email again.");

    private FocalPointSession Issue(MemberStateToken invitation)
    {
        var keyId = keys.SigningKeyId ?? throw new InvalidOperationException("No token signing key is set (MemberStateTokens__SigningKeys).");
        var now = clock.GetUtcNow();
        var endsAt = now + Lifetime < invitation.ExpiresAt ? now + Lifetime : invitation.ExpiresAt;
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Payload(
            invitation.CallId, invitation.MemberState, invitation.InvitationId, invitation.ExpiresAt.ToUnixTimeSeconds(), endsAt.ToUnixTimeSeconds())));
        var signed = $"{Version}.{keyId}.{payload}";
        return new FocalPointSession($"{signed}.{Base64Url.EncodeToString(Mac(keys.Find(keyId)!, signed))}", endsAt);
    }

    private (MemberStateToken Invitation, DateTimeOffset EndsAt)? Verify(string ticket)
    {
        if (ticket.Length > MaxLength || ticket.Split('.') is not [Version, var keyId, var payload, var mac] || keys.Find(keyId) is not { } key)
        {
            return null;
        }

        if (!TryDecode(mac, out var given) || !CryptographicOperations.FixedTimeEquals(Mac(key, $"{Version}.{keyId}.{payload}"), given))
        {
            return null;
        }

        try
        {
            var p = TryDecode(payload, out var json) ? JsonSerializer.Deserialize<Payload>(json) : null;
            if (p is not { C: { } call, S: { Length: 3 } state, I: { } id } || !Ids.IsWellFormed(call) || !Ids.IsWellFormed(id))
            {
                return null;
            }

            var endsAt = DateTimeOffset.FromUnixTimeSeconds(p.N);
            return endsAt > clock.GetUtcNow()
                ? (new MemberStateToken(call, state, id, DateTimeOffset.FromUnixTimeSeconds(p.X)), endsAt)
                : null;
        }
        catch (Exception exception) when (exception is JsonException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || !Base64Url.IsValid(text, out var length))
        {
            return false;
        }

        bytes = new byte[length];
        return Base64Url.TryDecodeFromChars(text, bytes, out _);
    }

    private static byte[] Mac(byte[] key, string signed) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(Purpose + signed));

    private sealed record Payload(
        [property: JsonPropertyName("c")] string? C,
        [property: JsonPropertyName("s")] string? S,
        [property: JsonPropertyName("i")] string? I,
        [property: JsonPropertyName("x")] long X,
        [property: JsonPropertyName("n")] long N);
}
