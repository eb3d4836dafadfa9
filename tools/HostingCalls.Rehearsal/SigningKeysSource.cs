using System.Text.Json;
using Azure;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using HostingCalls.Core.Invitations;

namespace HostingCalls.Rehearsal;

/// <summary>
/// Where the smoke test finds the app's token signing keys (the value of <c>MemberStateTokens__SigningKeys</c>), so
/// that its focal points act with the tokens their invitation emails carry. Neither the value nor a key is printed.
/// </summary>
public sealed class SigningKeysSource(string description, Func<CancellationToken, Task<string?>> read)
{
    /// <summary>The Key Vault secret the Bicep template points the app at (azd's AZURE_KEY_VAULT_SIGNING_KEYS_SECRET_NAME).</summary>
    public const string SecretName = "TokenSigningKeys";

    public const string SettingName = "MemberStateTokens__SigningKeys";

    public string Description { get; } = description;

    /// <summary>The keys, parsed the way the app parses them; a missing or malformed value throws, naming the source, never a key.</summary>
    public async Task<TokenSigningKeys> ReadAsync(CancellationToken cancellationToken)
    {
        var keys = TokenSigningKeys.Parse(await read(cancellationToken), Description);
        return keys.SigningKeyId is null ? throw new InvalidOperationException($"No signing key in {Description}.") : keys;
    }

    public static SigningKeysSource Fixed(string description, string value) => new(description, _ => Task.FromResult<string?>(value));

    public static SigningKeysSource For(SmokeTestOptions options, Func<string, string?> environment)
    {
        if (options.KeyVault is { } vault)
        {
            var uri = vault.Contains("://", StringComparison.Ordinal) ? new Uri(vault) : new Uri($"https://{vault}.vault.azure.net/");
            return new($"the Key Vault secret {uri}secrets/{SecretName}", async cancellationToken =>
            {
                try
                {
                    return (await new SecretClient(uri, new AzureCliCredential()).GetSecretAsync(SecretName, cancellationToken: cancellationToken)).Value.Value;
                }
                catch (Exception exception) when (exception is RequestFailedException or AuthenticationFailedException)
                {
                    throw new InvalidOperationException(
                        $"Could not read {SecretName} from {uri} with the Azure CLI's sign-in: {exception.Message.Split('\n')[0]} (you need a role that reads secrets, such as Key Vault Secrets Officer, which azd gives the deployer).",
                        exception);
                }
            });
        }

        if (environment(SmokeTestOptions.SigningKeysVariable) is { Length: > 0 } value)
        {
            return Fixed($"the environment variable {SmokeTestOptions.SigningKeysVariable}", value);
        }

        return new($"{SettingName} in {options.LocalSettingsFile}", async cancellationToken =>
        {
            if (!File.Exists(options.LocalSettingsFile))
            {
                throw new InvalidOperationException($"{options.LocalSettingsFile} does not exist (copy local.settings.sample.json there, as for func start), and neither --key-vault nor {SmokeTestOptions.SigningKeysVariable} is given.");
            }

            await using var file = File.OpenRead(options.LocalSettingsFile);
            using var settings = await JsonDocument.ParseAsync(file, cancellationToken: cancellationToken);
            return settings.RootElement.TryGetProperty("Values", out var values) && values.TryGetProperty(SettingName, out var keys) ? keys.GetString() : null;
        });
    }
}
