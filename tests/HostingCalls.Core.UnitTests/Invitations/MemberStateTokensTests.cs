using System.Text;
using HostingCalls.Core.Invitations;
using Microsoft.Extensions.Time.Testing;

namespace HostingCalls.Core.UnitTests.Invitations;

public class MemberStateTokensTests
{
    private const string CallId = "0190c0de00007000800000000000c411";
    private const string InvitationId = "0190c0de00007000800000000000aaaa";
    private static readonly string OldKey = Convert.ToBase64String(Encoding.ASCII.GetBytes("old-key-old-key-old-key-old-key-!"));
    private static readonly string NewKey = Convert.ToBase64String(Encoding.ASCII.GetBytes("new-key-new-key-new-key-new-key-!"));
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2023-10-02T08:00:00Z");
    private static readonly MemberStateToken Kenya = new(CallId, "KEN", InvitationId, Now.AddDays(60));

    private readonly FakeTimeProvider _clock = new(Now);

    private MemberStateTokens With(string setting) => new(TokenSigningKeys.Parse(setting, "MemberStateTokens__SigningKeys"), _clock);

    [Fact]
    public void A_signed_token_verifies_to_what_it_says_and_has_the_documented_shape()
    {
        var tokens = With($"k1:{OldKey}");

        var token = tokens.Sign(Kenya);

        Assert.Equal(Kenya, tokens.Verify(token));
        var parts = token.Split('.');
        Assert.Equal(4, parts.Length);
        Assert.Equal(("v1", "k1"), (parts[0], parts[1]));
        Assert.All(parts, p => Assert.Matches("^[A-Za-z0-9_-]+$", p));
    }

    [Fact]
    public void After_rotation_a_token_signed_with_the_old_key_works_while_it_is_listed_and_not_once_it_is_removed()
    {
        var old = With($"k1:{OldKey}").Sign(Kenya);

        var rotated = With($"k2:{NewKey};k1:{OldKey}");
        Assert.Equal(Kenya, rotated.Verify(old));
        var fresh = rotated.Sign(Kenya);
        Assert.Equal("k2", fresh.Split('.')[1]);
        Assert.Equal(Kenya, rotated.Verify(fresh));

        var retired = With($"k2:{NewKey}");
        Assert.Null(retired.Verify(old));
        Assert.Equal(Kenya, retired.Verify(fresh));
    }

    [Fact]
    public void The_MAC_covers_the_invitation_purpose_label_so_an_HMAC_of_the_same_text_for_another_use_is_refused()
    {
        var tokens = With($"k1:{OldKey}");
        var parts = tokens.Sign(Kenya).Split('.');
        var signed = $"{parts[0]}.{parts[1]}.{parts[2]}";
        var key = Convert.FromBase64String(OldKey);

        var unlabelled = System.Security.Cryptography.HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(signed));
        var labelled = System.Security.Cryptography.HMACSHA256.HashData(key, Encoding.ASCII.GetBytes("hostingcalls/invitation/v1\n" + signed));

        Assert.Null(tokens.Verify($"{signed}.{Url(unlabelled)}"));
        Assert.Equal(Kenya, tokens.Verify($"{signed}.{Url(labelled)}"));
    }

    private static string Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [Fact]
    public void A_key_of_the_same_id_but_other_bytes_refuses_the_token()
    {
        var token = With($"k1:{OldKey}").Sign(Kenya);

        Assert.Null(With($"k1:{NewKey}").Verify(token));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Changing_any_character_of_any_part_refuses_the_token(int part)
    {
        var tokens = With($"k1:{OldKey};k2:{NewKey}");
        var parts = tokens.Sign(Kenya).Split('.');

        for (var i = 0; i < parts[part].Length; i++)
        {
            var changed = (string[])parts.Clone();
            var c = changed[part][i];
            changed[part] = changed[part][..i] + (c == 'A' ? 'B' : 'A') + changed[part][(i + 1)..];
            Assert.Null(tokens.Verify(string.Join('.', changed)));
        }
    }

    [Fact]
    public void A_payload_for_another_state_or_call_cannot_be_made_without_the_key()
    {
        var tokens = With($"k1:{OldKey}");
        var kenya = tokens.Sign(Kenya).Split('.');
        var france = tokens.Sign(Kenya with { MemberState = "FRA", CallId = "0190c0de00007000800000000000dead" }).Split('.');

        // France's payload under Kenya's MAC: the MAC is over the payload, so it fails.
        Assert.Null(tokens.Verify(string.Join('.', kenya[0], kenya[1], france[2], kenya[3])));
    }

    [Fact]
    public void A_token_expires_at_its_expiry()
    {
        var tokens = With($"k1:{OldKey}");
        var token = tokens.Sign(Kenya);

        _clock.SetUtcNow(Kenya.ExpiresAt.AddSeconds(-1));
        Assert.NotNull(tokens.Verify(token));
        _clock.SetUtcNow(Kenya.ExpiresAt);
        Assert.Null(tokens.Verify(token));
    }

    [Theory]
    [InlineData("")]
    [InlineData("v1")]
    [InlineData("v1.k1")]
    [InlineData("v1.k1.e30")]
    [InlineData("v2.k1.e30.AAAA")]
    [InlineData("v1.k1.e30.AAAA.extra")]
    [InlineData("v1.nokey.e30.AAAA")]
    [InlineData("v1.k1.!!!.AAAA")]
    [InlineData("v1.k1.e30.====")]
    [InlineData("Bearer v1.k1.e30.AAAA")]
    public void Malformed_tokens_are_refused_without_an_exception(string token)
    {
        Assert.Null(With($"k1:{OldKey}").Verify(token));
    }

    [Fact]
    public void A_very_long_token_is_refused()
    {
        Assert.Null(With($"k1:{OldKey}").Verify("v1.k1." + new string('A', 5000) + ".AAAA"));
    }

    [Fact]
    public void Without_keys_nothing_is_signed_or_accepted()
    {
        var token = With($"k1:{OldKey}").Sign(Kenya);
        var none = With("");

        Assert.False(none.CanSign);
        Assert.Null(none.Verify(token));
        Assert.Throws<InvalidOperationException>(() => none.Sign(Kenya));
    }

    [Theory]
    [InlineData("k1")]
    [InlineData("k1:not base64")]
    [InlineData("k1:c2hvcnQ=")]
    [InlineData("bad id:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=;k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    public void A_malformed_key_setting_stops_the_start_and_never_shows_a_key(string setting)
    {
        var error = Assert.Throws<InvalidOperationException>(() => TokenSigningKeys.Parse(setting, "MemberStateTokens__SigningKeys"));

        Assert.Contains("MemberStateTokens__SigningKeys", error.Message);
        Assert.DoesNotContain("AAAAAAAA", error.Message);
        Assert.DoesNotContain("c2hvcnQ", error.Message);
    }
}
