namespace HostingCalls.Functions.Http.Api;

/// <summary>What the API's answers and its checks of browser requests depend on (section <c>Http</c>).</summary>
public sealed class HttpSecurityOptions
{
    /// <summary>
    /// Browser origins, besides the app's own, whose pages may send changes (comma-separated, as
    /// <c>https://secretariat.example.org</c>): the same list as the site's CORS setting.
    /// </summary>
    public string AllowedOrigins { get; set; } = "";

    /// <summary>Send <c>Strict-Transport-Security</c>: on in Azure, where the app is served over HTTPS only.</summary>
    public bool Hsts { get; set; }

    public IReadOnlyList<Uri> AllowedOriginList =>
        [.. AllowedOrigins.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(o => Uri.TryCreate(o, UriKind.Absolute, out var uri) ? uri : null).OfType<Uri>()];
}
