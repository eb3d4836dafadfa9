using System.Net;
using System.Text.RegularExpressions;

namespace HostingCalls.Rehearsal;

/// <summary>How the secretariat signs in to the app under smoke test.</summary>
public enum SignInMode
{
    /// <summary>The development caller header: a local <c>func start</c> with DevelopmentCaller__Enabled.</summary>
    Development,

    /// <summary>An Entra access token as <c>Authorization: Bearer</c>, which App Service Authentication validates.</summary>
    Entra,
}

/// <summary>The smoke test's options (<c>--target</c> and what goes with it). Secrets come from the environment or Key Vault, never from here.</summary>
public sealed partial record SmokeTestOptions(Uri Target, SignInMode SignIn, string? ClientId, string? KeyVault, string Email, string LocalSettingsFile)
{
    /// <summary>An access token for the secretariat, for CI or a token got otherwise; read when the test runs.</summary>
    public const string SecretariatTokenVariable = "HOSTINGCALLS_SECRETARIAT_TOKEN";

    /// <summary>The app's <c>MemberStateTokens__SigningKeys</c> value; read when the test runs.</summary>
    public const string SigningKeysVariable = "HOSTINGCALLS_SIGNING_KEYS";

    /// <summary>Where invitations go in development when no address is given (reserved domain: nothing is delivered).</summary>
    public const string DevelopmentEmail = "smoke-test@hostingcalls.example";

    /// <summary>The options, or null when <c>--target</c> is not given; throws <see cref="ArgumentException"/> for what cannot work.</summary>
    public static SmokeTestOptions? From(IReadOnlyDictionary<string, string> values, string root, Func<string, string?> environment)
    {
        var others = new[] { "--sign-in", "--client-id", "--key-vault", "--email" }.Where(values.ContainsKey).ToList();
        if (!values.TryGetValue("--target", out var t))
        {
            return others.Count == 0 ? null : throw new ArgumentException($"{string.Join(", ", others)} only go with --target URL.");
        }

        if (!Uri.TryCreate(t, UriKind.Absolute, out var target) || target.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"--target must be an absolute http(s) URL such as http://localhost:7071, not '{t}'.");
        }

        if (target.Scheme == "http" && !IsLoopback(target))
        {
            // Azure redirects http to https, and a redirect drops the Authorization header and turns a POST into a GET.
            throw new ArgumentException($"--target must be https:// unless it is this machine, not '{t}'.");
        }

        var mode = values.GetValueOrDefault("--sign-in") switch
        {
            null => IsLoopback(target) ? SignInMode.Development : SignInMode.Entra,
            "development" => SignInMode.Development,
            "entra" => SignInMode.Entra,
            var other => throw new ArgumentException($"--sign-in is 'development' or 'entra', not '{other}'."),
        };
        var clientId = values.GetValueOrDefault("--client-id");
        if (mode == SignInMode.Entra && clientId is null && string.IsNullOrEmpty(environment(SecretariatTokenVariable)))
        {
            throw new ArgumentException(
                $"Signing in with Entra needs --client-id (azd env get-value AZURE_AUTH_CLIENT_ID) or a token in {SecretariatTokenVariable}.");
        }

        if (clientId is not null && !Guid.TryParse(clientId, out _))
        {
            throw new ArgumentException($"--client-id is the app registration's application (client) id, a GUID, not '{clientId}'.");
        }

        var keyVault = values.GetValueOrDefault("--key-vault");
        if (mode == SignInMode.Entra && keyVault is null && string.IsNullOrEmpty(environment(SigningKeysVariable)))
        {
            throw new ArgumentException(
                $"Focal points need the app's token signing keys: --key-vault (azd env get-value AZURE_KEY_VAULT_NAME) or {SigningKeysVariable}.");
        }

        if (keyVault is not null && !KeyVaultName().IsMatch(keyVault)
            && !(Uri.TryCreate(keyVault, UriKind.Absolute, out var vaultUri) && vaultUri.Scheme == "https"))
        {
            throw new ArgumentException($"--key-vault is a Key Vault's name (3 to 24 letters, digits and dashes) or its https:// URI, not '{keyVault}'.");
        }

        var email = values.GetValueOrDefault("--email")
            ?? (mode == SignInMode.Development ? DevelopmentEmail
                : throw new ArgumentException("--email is needed against Azure: the invitations and receipts are really sent there, so give an inbox you read."));
        return new SmokeTestOptions(target, mode, clientId, keyVault, email,
            Path.Combine(root, "src", "HostingCalls.Functions", "local.settings.json"));
    }

    private static bool IsLoopback(Uri target) =>
        target.IsLoopback || (IPAddress.TryParse(target.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$")]
    private static partial Regex KeyVaultName();
}
