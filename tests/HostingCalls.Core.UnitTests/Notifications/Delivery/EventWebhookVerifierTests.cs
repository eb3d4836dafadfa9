using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HostingCalls.Core.Notifications.Delivery;

namespace HostingCalls.Core.UnitTests.Notifications.Delivery;

public sealed class EventWebhookVerifierTests : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2023-10-01T10:00:00Z", CultureInfo.InvariantCulture);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        """[{"email":"host@example.org","timestamp":1696154400,"event":"delivered","sg_event_id":"ev-1","callId":"call-1"}]""" + "\r\n");

    private readonly ECDsa _sendGrid = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => _sendGrid.Dispose();

    private EventWebhookVerifier Verifier() => new(Convert.ToBase64String(_sendGrid.ExportSubjectPublicKeyInfo()));

    private static string Stamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static string Sign(ECDsa key, string timestamp, byte[] body, DSASignatureFormat format = DSASignatureFormat.Rfc3279DerSequence) =>
        Convert.ToBase64String(key.SignData([.. Encoding.UTF8.GetBytes(timestamp), .. body], HashAlgorithmName.SHA256, format));

    /// <summary>SendGrid's own published test vector (the Event Webhook library's tests): key, payload, timestamp, signature.</summary>
    private const string SendGridKey = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEDr2LjtURuePQzplybdC+u4CwrqDqBaWjcMMsTbhdbcwHBcepxo7yAQGhHPTnlvFYPAZFceEu/1FwCM/QmGUhA==";
    private const string SendGridSignature = "MEUCIQCtIHJeH93Y+qpYeWrySphQgpNGNr/U+UyUlBkU6n7RAwIgJTz2C+8a8xonZGi6BpSzoQsbVRamr2nlxFDWYNH2j/0=";
    private const string SendGridTimestamp = "1588788367";
    private static readonly byte[] SendGridPayload = Encoding.UTF8.GetBytes("""{"category":"example_payload","event":"test_event","message_id":"message_id"}""");
    private static readonly DateTimeOffset SendGridSignedAt = DateTimeOffset.FromUnixTimeSeconds(1588788367);

    [Fact]
    public void SendGrids_published_test_vector_verifies()
    {
        Assert.True(new EventWebhookVerifier(SendGridKey).Verify(SendGridTimestamp, SendGridSignature, SendGridPayload, SendGridSignedAt));
    }

    [Theory]
    [InlineData("MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEqTxd43gyp8IOEto2LdIfjRQrIbsd4SXZkLW6jDutdhXSJCWHw8REntlo7aNDthvj+y7GjUuFDb/R1NGe1OPzpA==", null, null, null)] // another key
    [InlineData(null, "payload", null, null)]
    [InlineData(null, null, "MEUCIQCtIHJeH93Y+qpYeWrySphQgpNGNr/U+UyUlBkU6n7RAwIgJTz2C+8a8xonZGi6BpSzoQsbVRamr2nlxFDWYNH3j/0=", null)]
    [InlineData(null, null, null, "timestamp")]
    public void SendGrids_published_test_vector_fails_with_any_part_changed(string? key, string? payload, string? signature, string? timestamp)
    {
        var verifier = new EventWebhookVerifier(key ?? SendGridKey);

        Assert.False(verifier.Verify(timestamp ?? SendGridTimestamp, signature ?? SendGridSignature,
            payload is null ? SendGridPayload : Encoding.UTF8.GetBytes(payload), SendGridSignedAt));
    }

    [Fact]
    public void A_good_signature_verifies()
    {
        var timestamp = Stamp(Now);

        Assert.True(Verifier().Verify(timestamp, Sign(_sendGrid, timestamp, Body), Body, Now));
    }

    [Fact]
    public void A_changed_body_byte_fails()
    {
        var timestamp = Stamp(Now);
        var signature = Sign(_sendGrid, timestamp, Body);
        var changed = (byte[])Body.Clone();
        changed[^3] ^= 1;

        Assert.False(Verifier().Verify(timestamp, signature, changed, Now));
    }

    [Fact]
    public void A_changed_timestamp_fails()
    {
        var signature = Sign(_sendGrid, Stamp(Now), Body);

        Assert.False(Verifier().Verify(Stamp(Now.AddSeconds(1)), signature, Body, Now));
    }

    [Fact]
    public void A_signature_from_another_key_fails()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var timestamp = Stamp(Now);

        Assert.False(Verifier().Verify(timestamp, Sign(other, timestamp, Body), Body, Now));
    }

    [Fact]
    public void A_signature_in_IEEE_P1363_form_fails_because_SendGrid_sends_DER()
    {
        var timestamp = Stamp(Now);

        Assert.False(Verifier().Verify(timestamp, Sign(_sendGrid, timestamp, Body, DSASignatureFormat.IeeeP1363FixedFieldConcatenation), Body, Now));
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("AAAA")]
    [InlineData("MEQCIA==")]
    public void A_signature_that_is_not_a_DER_signature_fails(string signature)
    {
        Assert.False(Verifier().Verify(Stamp(Now), signature, Body, Now));
    }

    [Fact]
    public void An_overlong_signature_fails()
    {
        var timestamp = Stamp(Now);
        var signature = Sign(_sendGrid, timestamp, Body) + new string('A', 400);

        Assert.False(Verifier().Verify(timestamp, signature, Body, Now));
    }

    [Theory]
    [InlineData(null, "sig")]
    [InlineData("", "sig")]
    [InlineData("ts", null)]
    [InlineData("ts", "")]
    [InlineData(null, null)]
    public void Empty_or_missing_headers_fail(string? timestamp, string? signature)
    {
        var good = Stamp(Now);
        var goodSignature = Sign(_sendGrid, good, Body);

        Assert.False(Verifier().Verify(timestamp == "ts" ? good : timestamp, signature == "sig" ? goodSignature : signature, Body, Now));
    }

    [Theory]
    [InlineData("1696154400.0")]
    [InlineData(" 1696154400")]
    [InlineData("-1696154400")]
    [InlineData("99999999999999999999999")]
    [InlineData("yesterday")]
    public void A_timestamp_that_is_not_Unix_seconds_fails_even_when_signed(string timestamp)
    {
        Assert.False(Verifier().Verify(timestamp, Sign(_sendGrid, timestamp, Body), Body, Now));
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public void A_timestamp_six_minutes_away_fails_even_when_signed(int minutes)
    {
        var timestamp = Stamp(Now.AddMinutes(minutes));

        Assert.False(Verifier().Verify(timestamp, Sign(_sendGrid, timestamp, Body), Body, Now));
    }

    [Theory]
    [InlineData(-5)]
    [InlineData(5)]
    public void A_timestamp_at_the_edge_of_the_tolerance_verifies(int minutes)
    {
        var timestamp = Stamp(Now.AddMinutes(minutes));

        Assert.True(Verifier().Verify(timestamp, Sign(_sendGrid, timestamp, Body), Body, Now));
    }

    [Fact]
    public void An_RSA_key_is_refused()
    {
        using var rsa = RSA.Create(2048);

        var error = Assert.Throws<ArgumentException>(() => new EventWebhookVerifier(Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo())));
        Assert.Contains("not an ECDSA public key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_P384_key_is_refused()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        var error = Assert.Throws<ArgumentException>(() => new EventWebhookVerifier(Convert.ToBase64String(p384.ExportSubjectPublicKeyInfo())));
        Assert.Contains("not P-256", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    public void A_key_that_is_not_a_public_key_is_refused(string publicKey)
    {
        Assert.Throws<ArgumentException>(() => new EventWebhookVerifier(publicKey));
    }

    [Fact]
    public void A_key_with_bytes_after_it_is_refused()
    {
        var key = Convert.ToBase64String([.. _sendGrid.ExportSubjectPublicKeyInfo(), 0]);

        Assert.Throws<ArgumentException>(() => new EventWebhookVerifier(key));
    }
}
