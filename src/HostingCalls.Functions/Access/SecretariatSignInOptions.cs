namespace HostingCalls.Functions.Access;

/// <summary>
/// How staff (Secretariat, Reviewer) sign in: Microsoft Entra tokens of one tenant and one app registration, verified
/// by the app itself (section <c>Secretariat</c>). Without a tenant and a client id nobody is staff, except through the
/// development caller locally.
/// </summary>
public sealed class SecretariatSignInOptions
{
    public const string DefaultInstance = "https://login.microsoftonline.com/";

    public const string DefaultNationalityClaim = "nationality";

    /// <summary>The Microsoft Entra tenant (directory) id, a GUID.</summary>
    public string TenantId { get; set; } = "";

    /// <summary>The application (client) id of the app registration: the audience of the tokens, as itself or as <c>api://</c> URI.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The authority host (sovereign clouds have their own). The tenant's OpenID metadata is read from it over HTTPS.</summary>
    public string Instance { get; set; } = DefaultInstance;

    /// <summary>
    /// The claim holding the member's nationality as an ISO alpha-3 code (say <c>KEN</c>); values the Member State
    /// directory does not know are ignored. Empty: no nationality is read.
    /// </summary>
    public string NationalityClaim { get; set; } = DefaultNationalityClaim;

    public bool IsConfigured => Guid.TryParse(TenantId, out _) && Guid.TryParse(ClientId, out _);

    /// <summary>The tenant's OpenID Connect metadata (v2.0 endpoint), whose <c>jwks_uri</c> lists its signing keys.</summary>
    public Uri MetadataAddress => new(new Uri(Instance.EndsWith('/') ? Instance : Instance + "/"), $"{TenantId}/v2.0/.well-known/openid-configuration");
}
