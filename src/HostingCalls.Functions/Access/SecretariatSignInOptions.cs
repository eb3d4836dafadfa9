namespace HostingCalls.Functions.Access;

/// <summary>How the secretariat's App Service Authentication (Easy Auth) sign-in is read: the section <c>Secretariat</c>.</summary>
public sealed class SecretariatSignInOptions
{
    /// <summary>
    /// Honour <see cref="ClientPrincipal.Header"/>. Only Easy Auth in front of the app makes it trustworthy (it strips
    /// any copy a caller sends), so it is always on in Azure and off locally, where anyone can send the header.
    /// </summary>
    public bool TrustClientPrincipal { get; set; }

    /// <summary>
    /// The claim holding the member's nationality as an ISO alpha-3 code (say <c>KEN</c>); values the Member State
    /// directory does not know are ignored. Empty: no nationality is read.
    /// </summary>
    public string NationalityClaim { get; set; } = DefaultNationalityClaim;

    public const string DefaultNationalityClaim = "nationality";
}
