using System.Text.RegularExpressions;

namespace HostingCalls.Infrastructure.Tests;

/// <summary>What the Azure app settings must never be: keys, development switches, platform-owned names.</summary>
public sealed partial class AzureSafetyTests
{
    [Fact]
    public void Development_caller_is_off_in_azure()
    {
        Assert.Equal("false", BicepAppSettings.Settings[Functions.AppSettingNames.DevelopmentCallerEnabled]);
    }

    [Fact]
    public void Infra_uses_no_keys_or_connection_strings()
    {
        var offending =
            from file in RepoPaths.BicepFiles()
            let lines = File.ReadAllLines(RepoPaths.FromRoot(file))
            from line in lines.Select((text, index) => (text, number: index + 1))
            where KeyMaterial().IsMatch(line.text)
            select $"{file}:{line.number}: {line.text.Trim()}";

        Assert.Empty(offending);
    }

    [Fact]
    public void Secrets_are_key_vault_references()
    {
        var secrets = BicepAppSettings.Settings.Where(p => SecretName().IsMatch(p.Key)).ToList();

        Assert.NotEmpty(secrets);
        Assert.All(secrets, p => Assert.Contains("@Microsoft.KeyVault(", p.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void Platform_owned_settings_are_not_declared()
    {
        Assert.DoesNotContain(BicepAppSettings.Settings.Keys, AzureProvidedSettings.Reasons.ContainsKey);
    }

    [GeneratedRegex(@"listKeys\(|listConnectionStrings\(|AccountKey=|SharedAccessSignature=|SharedAccessKey=|InstrumentationKey=", RegexOptions.IgnoreCase)]
    private static partial Regex KeyMaterial();

    // SendGrid__ApiKey, MemberStateTokens__SigningKeys, ...__ClientSecret, ...__Password
    [GeneratedRegex(@"(ApiKey|SigningKeys?|Secret|Password)$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
