using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace HostingCalls.Functions.Access;

/// <summary>
/// The tenant's OpenID Connect metadata and signing keys, read from its well-known address and kept: refreshed
/// twice a day, and again when a token names a key we do not hold (Entra rolls its keys), but at most once a
/// minute so tokens with made-up key ids cannot make the app hammer the tenant. A refresh that fails keeps the keys
/// last read.
/// </summary>
public sealed class EntraSigningKeys(SecretariatSignInOptions options, HttpClient http, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromHours(12);

    public static readonly TimeSpan UnknownKeyRefreshAtMost = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim gate = new(1, 1);
    private OpenIdConnectConfiguration? current;
    private DateTimeOffset readAt;

    /// <summary>The metadata as last read, read first if it is missing or stale.</summary>
    public async Task<OpenIdConnectConfiguration> CurrentAsync(CancellationToken cancellationToken)
    {
        var known = current;
        return known is not null && clock.GetUtcNow() - readAt < RefreshEvery
            ? known
            : await ReadAsync(known, cancellationToken) ?? known ?? throw new SignInUnavailableException();
    }

    /// <summary>Reads the metadata again after a token named an unknown key; null when it was read too recently to try.</summary>
    public async Task<OpenIdConnectConfiguration?> RefreshForUnknownKeyAsync(CancellationToken cancellationToken)
    {
        var known = current;
        return known is not null && clock.GetUtcNow() - readAt < UnknownKeyRefreshAtMost ? null : await ReadAsync(known, cancellationToken);
    }

    public void Dispose() => gate.Dispose();

    private async Task<OpenIdConnectConfiguration?> ReadAsync(OpenIdConnectConfiguration? seen, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!ReferenceEquals(current, seen))
            {
                return current; // Another request read it while this one waited.
            }

            var address = options.MetadataAddress;
            // Plain HTTP only for a stand-in on this machine; the tenant's metadata is HTTPS.
            var documents = new HttpDocumentRetriever(http) { RequireHttps = !address.IsLoopback };
            try
            {
                current = await OpenIdConnectConfigurationRetriever.GetAsync(address.AbsoluteUri, documents, cancellationToken);
            }
            catch (Exception exception) when (exception is IOException or HttpRequestException or InvalidOperationException or ArgumentException
                                              || exception.GetType().Namespace?.StartsWith("Microsoft.IdentityModel", StringComparison.Ordinal) == true)
            {
                return null;
            }
            finally
            {
                // A failed read also waits its turn: the tenant is not asked again on every request while it is down.
                readAt = clock.GetUtcNow();
            }

            return current;
        }
        finally
        {
            gate.Release();
        }
    }
}

/// <summary>The tenant's keys could not be read and none are kept: no staff token can be checked for now (503).</summary>
public sealed class SignInUnavailableException() : Exception("The Microsoft Entra signing keys cannot be read for now.");
