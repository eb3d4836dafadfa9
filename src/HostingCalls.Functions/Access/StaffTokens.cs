using HostingCalls.Core.Common;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HostingCalls.Functions.Access;

/// <summary>A staff member as a verified Entra token names them.</summary>
public sealed record StaffToken(string ObjectId, IReadOnlySet<string> Roles, IReadOnlyDictionary<string, string> Claims);

/// <summary>
/// Verifies a Microsoft Entra token in the app itself, whatever sits in front of it: RS256 signed by a key of the
/// configured tenant, issued by that tenant (v2.0 or v1.0 issuer), for this app registration (its client id or
/// <c>api://</c> URI), within its lifetime, with an object id. Anything else is a 401; nothing is taken on trust.
/// </summary>
public sealed class StaffTokens(SecretariatSignInOptions options, EntraSigningKeys keys, TimeProvider clock)
{
    // Entra tokens are a few kilobytes; a bound on what a forged header can make us parse.
    private const int MaxTokenLength = 16 * 1024;

    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };

    public async Task<StaffToken> VerifyAsync(string token, CancellationToken cancellationToken)
    {
        if (!options.IsConfigured)
        {
            throw Refused("Staff sign-in is not configured on this app (Secretariat__TenantId, Secretariat__ClientId).");
        }

        if (token.Length is 0 or > MaxTokenLength || !handler.CanReadToken(token))
        {
            throw Refused("The token is not a Microsoft Entra token.");
        }

        var configuration = await keys.CurrentAsync(cancellationToken);
        var result = await handler.ValidateTokenAsync(token, ParametersFor(configuration.SigningKeys));
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException
            && await keys.RefreshForUnknownKeyAsync(cancellationToken) is { } refreshed)
        {
            result = await handler.ValidateTokenAsync(token, ParametersFor(refreshed.SigningKeys));
        }

        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            throw Refused(Reason(result.Exception));
        }

        if (!jwt.TryGetPayloadValue<string>("oid", out var oid) || !Guid.TryParse(oid, out var objectId))
        {
            throw Refused("The token names no user (no object id).");
        }

        var roles = jwt.Claims.Where(c => c.Type == "roles").Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var claims = jwt.Claims.GroupBy(c => c.Type, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        return new StaffToken(objectId.ToString("D"), roles, claims);
    }

    private TokenValidationParameters ParametersFor(ICollection<SecurityKey> signingKeys)
    {
        var instance = options.Instance.EndsWith('/') ? options.Instance : options.Instance + "/";
        return new TokenValidationParameters
        {
            ValidIssuers = [$"{instance}{options.TenantId}/v2.0", $"https://sts.windows.net/{options.TenantId}/"],
            ValidAudiences = [options.ClientId, $"api://{options.ClientId}"],
            IssuerSigningKeys = signingKeys,
            TryAllIssuerSigningKeys = false,
            // Only the tenant's RSA keys: "none" and HMAC (with the public key as secret) are refused by name.
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            LifetimeValidator = WithinLifetime,
            ClockSkew = ClockSkew,
        };
    }

    // The app's clock, not the machine's: tests move it, and so must the tokens' lifetime check.
    private bool WithinLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return expires is { } end && now < end.ToUniversalTime() + ClockSkew
            && (notBefore is not { } start || now >= start.ToUniversalTime() - ClockSkew);
    }

    private static string Reason(Exception? exception) => exception switch
    {
        SecurityTokenInvalidLifetimeException or SecurityTokenExpiredException or SecurityTokenNotYetValidException => "The token has expired or is not valid yet: sign in again.",
        SecurityTokenInvalidIssuerException => "The token was issued by another tenant.",
        SecurityTokenInvalidAudienceException => "The token was issued for another application.",
        SecurityTokenInvalidAlgorithmException => "The token is not signed with RS256 by the tenant.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The token's signature does not verify with the tenant's keys.",
        _ => "The token does not verify.",
    };

    private static Rejection Refused(string detail) => new(RejectionKind.Unauthenticated, "Sign-in not verified.", detail);
}
