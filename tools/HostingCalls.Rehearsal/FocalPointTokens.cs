using System.Text.Json;
using HostingCalls.Core.Invitations;

namespace HostingCalls.Rehearsal;

/// <summary>
/// A focal point's token for an invitation the app made, signed with the app's own <see cref="MemberStateTokens"/>
/// and key from what the API answered (call, Member State, invitation id, expiry): the token the invitation email
/// carries, which only travels by email. It is only ever sent in the invitation header, never printed.
/// </summary>
public sealed class FocalPointTokens(TokenSigningKeys keys, TimeProvider clock)
{
    private readonly MemberStateTokens _tokens = new(keys, clock);

    public string SigningKeyId => keys.SigningKeyId!;

    public string For(string callId, JsonElement invitation) =>
        _tokens.Sign(new MemberStateToken(
            callId,
            invitation.GetProperty("memberState").GetString()!,
            invitation.GetProperty("id").GetString()!,
            invitation.GetProperty("expiresAt").GetDateTimeOffset()));
}
