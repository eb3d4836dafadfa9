using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HostingCalls.Core.Notifications.Delivery;

/// <summary>
/// Checks that an Event Webhook request comes from SendGrid and is fresh: SendGrid signs the
/// <c>X-Twilio-Email-Event-Webhook-Timestamp</c> header text followed by the raw body with ECDSA P-256 over SHA-256,
/// and sends the DER signature, base64, in <c>X-Twilio-Email-Event-Webhook-Signature</c>.
/// </summary>
public sealed class EventWebhookVerifier
{
    /// <summary>How far the signed timestamp may be from now, either way, so a captured request cannot be replayed later.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private const string P256Oid = "1.2.840.10045.3.1.7";

    // A DER P-256 signature is at most 72 bytes (96 base64 characters); anything much longer is not one.
    private const int MaxSignatureChars = 128;
    private const int MaxSignatureBytes = 96;

    // Only the parameters are kept, not an ECDsa: a new one per call is safe to use from many requests at once.
    private readonly ECParameters _key;

    /// <param name="publicKey">The verification key as SendGrid shows it: base64 of a DER SubjectPublicKeyInfo.</param>
    /// <exception cref="ArgumentException">The key is not base64 of an ECDSA P-256 public key.</exception>
    public EventWebhookVerifier(string publicKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(publicKey);
        _key = ReadP256PublicKey(publicKey);
    }

    /// <summary>
    /// True only if <paramref name="signature"/> is SendGrid's signature of <paramref name="timestamp"/> followed by
    /// <paramref name="body"/>, and the timestamp is within <see cref="Tolerance"/> of <paramref name="now"/>.
    /// Bad input of any kind gives false, never an exception: the caller answers 401 either way.
    /// </summary>
    public bool Verify(string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature) || signature.Length > MaxSignatureChars)
        {
            return false;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var signedAt))
        {
            return false;
        }

        // Compared in whole seconds, as sent; written so that no huge timestamp can overflow.
        var nowSeconds = now.ToUnixTimeSeconds();
        var tolerance = (long)Tolerance.TotalSeconds;
        if (signedAt < nowSeconds - tolerance || signedAt > nowSeconds + tolerance)
        {
            return false;
        }

        Span<byte> der = stackalloc byte[MaxSignatureBytes];
        if (!Convert.TryFromBase64String(signature, der, out var derLength) || derLength == 0)
        {
            return false;
        }

        // Hash the header text exactly as received, then the body, without copying the body into one buffer.
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(timestamp));
            sha.AppendData(body);
            sha.GetHashAndReset(hash);
        }

        try
        {
            using var ecdsa = ECDsa.Create(_key);
            return ecdsa.VerifyHash(hash, der[..derLength], DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static ECParameters ReadP256PublicKey(string publicKey)
    {
        byte[] spki;
        try
        {
            spki = Convert.FromBase64String(publicKey.Trim());
        }
        catch (FormatException e)
        {
            throw new ArgumentException("The SendGrid verification key is not base64; paste it exactly as the Event Webhook settings show it.", nameof(publicKey), e);
        }

        ECParameters key;
        try
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportSubjectPublicKeyInfo(spki, out var read);
            if (read != spki.Length)
            {
                throw new ArgumentException("The SendGrid verification key has bytes after the public key.", nameof(publicKey));
            }

            key = ecdsa.ExportParameters(includePrivateParameters: false);
        }
        catch (CryptographicException e)
        {
            throw new ArgumentException("The SendGrid verification key is not an ECDSA public key (DER SubjectPublicKeyInfo).", nameof(publicKey), e);
        }

        if (!key.Curve.IsNamed || key.Curve.Oid.Value != P256Oid)
        {
            throw new ArgumentException(
                $"The SendGrid verification key is on curve {key.Curve.Oid.FriendlyName ?? key.Curve.Oid.Value ?? "(unnamed)"}, not P-256.",
                nameof(publicKey));
        }

        return key;
    }
}
