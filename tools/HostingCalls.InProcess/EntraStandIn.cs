using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HostingCalls.InProcess;

/// <summary>
/// A stand-in for a Microsoft Entra tenant, served on loopback for tests: its OpenID Connect metadata and signing
/// keys (JWKS) at the addresses Entra uses, RSA keys made on this machine, and tokens minted the way Entra issues
/// them (v2.0 issuer, <c>oid</c>, <c>tid</c>, <c>roles</c>). Keys can be rolled, and the reads of the metadata counted.
/// </summary>
public sealed class EntraStandIn : IAsyncDisposable
{
    public const string ClientId = "5a3f4b1c-8d2e-4f60-9a7b-1c2d3e4f5a6b";

    private readonly HttpListener listener = new();
    private readonly Task serving;
    private readonly List<RsaSecurityKey> published = [];
    private int metadataReads;

    private EntraStandIn(string tenantId)
    {
        TenantId = tenantId;
        var port = FreePort();
        Instance = $"http://127.0.0.1:{port}/";
        listener.Prefixes.Add(Instance);
        listener.Start();
        SigningKey = NewKey();
        published.Add(SigningKey);
        serving = Task.Run(ServeAsync);
    }

    public string TenantId { get; }

    /// <summary>The authority host to configure as <c>Secretariat__Instance</c>.</summary>
    public string Instance { get; }

    public string Issuer => $"{Instance}{TenantId}/v2.0";

    /// <summary>The key tokens are signed with, and published in the JWKS.</summary>
    public RsaSecurityKey SigningKey { get; private set; }

    public int MetadataReads => Volatile.Read(ref metadataReads);

    /// <summary>The app settings that point the app at this tenant.</summary>
    public IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Secretariat:TenantId"] = TenantId,
        ["Secretariat:ClientId"] = ClientId,
        ["Secretariat:Instance"] = Instance,
    };

    public static EntraStandIn Start(string? tenantId = null) => new(tenantId ?? Guid.NewGuid().ToString("D"));

    /// <summary>A fresh RSA key, not published: tokens signed with it are signed by a stranger.</summary>
    public static RsaSecurityKey NewKey() => new(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") };

    /// <summary>Entra rolls its keys: a new one is published (and signs), the old one is withdrawn.</summary>
    public void RollKeys()
    {
        lock (published)
        {
            SigningKey = NewKey();
            published.Clear();
            published.Add(SigningKey);
        }
    }

    /// <summary>A token as Entra would issue it to a user with these app roles; every part can be changed for a test.</summary>
    public string Token(
        IEnumerable<string>? roles = null, string? objectId = null, TimeSpan? lifetime = null, DateTimeOffset? now = null,
        string? issuer = null, string? audience = null, SecurityKey? key = null, IDictionary<string, object>? claims = null)
    {
        var issuedAt = (now ?? DateTimeOffset.UtcNow).UtcDateTime;
        var payload = new Dictionary<string, object>
        {
            ["oid"] = objectId ?? Guid.NewGuid().ToString("D"),
            ["tid"] = TenantId,
            ["ver"] = "2.0",
            ["roles"] = (roles ?? []).ToArray(),
        };
        foreach (var (name, value) in claims ?? new Dictionary<string, object>())
        {
            payload[name] = value;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience ?? ClientId,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt + (lifetime ?? TimeSpan.FromHours(1)),
            Claims = payload,
            SigningCredentials = new SigningCredentials(key ?? SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with the claims a real one would carry.</summary>
    public string UnsignedToken(IEnumerable<string> roles, DateTimeOffset now) =>
        $"{Base64Url(new { alg = "none", typ = "JWT" })}.{Base64Url(Payload(roles, now))}.";

    /// <summary>
    /// HS256 keyed with the tenant's public key, the classic confusion attack: a verifier that takes the key for an
    /// HMAC secret would accept it.
    /// </summary>
    public string HmacTokenWithThePublicKey(IEnumerable<string> roles, DateTimeOffset now)
    {
        var signed = $"{Base64Url(new { alg = "HS256", typ = "JWT", kid = SigningKey.KeyId })}.{Base64Url(Payload(roles, now))}";
        var secret = Encoding.UTF8.GetBytes(SigningKey.Rsa.ExportSubjectPublicKeyInfoPem());
        return $"{signed}.{Base64UrlEncoder.Encode(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signed)))}";
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await serving.ConfigureAwait(false);
    }

    private Dictionary<string, object> Payload(IEnumerable<string> roles, DateTimeOffset now) => new()
    {
        ["iss"] = Issuer,
        ["aud"] = ClientId,
        ["oid"] = Guid.NewGuid().ToString("D"),
        ["tid"] = TenantId,
        ["roles"] = roles.ToArray(),
        ["nbf"] = now.ToUnixTimeSeconds(),
        ["iat"] = now.ToUnixTimeSeconds(),
        ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
    };

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var path = context.Request.Url?.AbsolutePath ?? "";
            object? document = path == $"/{TenantId}/v2.0/.well-known/openid-configuration" ? Metadata()
                : path == $"/{TenantId}/discovery/v2.0/keys" ? Keys()
                : null;
            context.Response.StatusCode = document is null ? 404 : 200;
            context.Response.ContentType = "application/json";
            var body = JsonSerializer.SerializeToUtf8Bytes(document ?? new { error = "not found" });
            await context.Response.OutputStream.WriteAsync(body).ConfigureAwait(false);
            context.Response.Close();
        }
    }

    private object Metadata()
    {
        Interlocked.Increment(ref metadataReads);
        return new
        {
            issuer = Issuer,
            authorization_endpoint = $"{Instance}{TenantId}/oauth2/v2.0/authorize",
            token_endpoint = $"{Instance}{TenantId}/oauth2/v2.0/token",
            jwks_uri = $"{Instance}{TenantId}/discovery/v2.0/keys",
            id_token_signing_alg_values_supported = new[] { "RS256" },
        };
    }

    private object Keys()
    {
        lock (published)
        {
            return new
            {
                keys = published.Select(k => k.Rsa.ExportParameters(false)).Zip(published, (p, k) => new
                {
                    kty = "RSA",
                    use = "sig",
                    kid = k.KeyId,
                    n = Base64UrlEncoder.Encode(p.Modulus),
                    e = Base64UrlEncoder.Encode(p.Exponent),
                }).ToArray(),
            };
        }
    }

    private static string Base64Url(object value) => Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(value));

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
