namespace HostingCalls.Infrastructure.Tests;

/// <summary>
/// Every setting the app reads (AppSettingNames, %Name% binding expressions, binding connections) is in
/// local.settings.sample.json and in the Bicep app settings, or is provided by Azure (AzureProvidedSettings);
/// and every local setting has its counterpart in Azure.
/// </summary>
public sealed class AppSettingsTests
{
    public static TheoryData<string> SettingsTheAppReadsData() => [.. SettingsTheAppReads.All.Order(StringComparer.Ordinal)];

    public static TheoryData<string> LocalSettingsData() => [.. LocalSettingsSample.Values.Keys.Order(StringComparer.Ordinal)];

    /// <summary>
    /// Connections: binding connections, the host's storage, and every setting whose local value is a storage
    /// connection string.
    /// </summary>
    public static TheoryData<string> ConnectionsData() =>
    [
        .. SettingsTheAppReads.ConnectionNames
            .Append(SettingsTheAppReads.DefaultStorageConnection)
            .Concat(LocalSettingsSample.Values.Where(p => LocalSettingsSample.IsConnectionString(p.Value)).Select(p => p.Key))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal),
    ];

    [Fact]
    public void The_app_settings_class_is_read()
    {
        var constants = SettingsTheAppReads.AppSettingConstants().ToList();

        Assert.Contains(Functions.AppSettingNames.Storage, constants);
        Assert.Subset(SettingsTheAppReads.All.ToHashSet(), constants.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(SettingsTheAppReadsData))]
    public void Setting_the_app_reads_is_in_local_settings_sample(string name)
    {
        // What Azure provides (an app name, say) may rightly be absent locally.
        if (AzureProvidedSettings.Reasons.ContainsKey(name))
        {
            return;
        }

        var values = LocalSettingsSample.Values;
        var found = values.ContainsKey(name)
            || values.Keys.Any(key => key.StartsWith(name + "__", StringComparison.Ordinal)
                && key.EndsWith("ServiceUri", StringComparison.OrdinalIgnoreCase));

        Assert.True(found, $"'{name}' is read by the app but missing from local.settings.sample.json Values.");
    }

    [Theory]
    [MemberData(nameof(SettingsTheAppReadsData))]
    public void Setting_the_app_reads_is_in_bicep_app_settings(string name)
    {
        if (AzureProvidedSettings.Reasons.ContainsKey(name))
        {
            return;
        }

        Assert.True(
            BicepAppSettings.Declares(name),
            $"'{name}' is read by the app but infra/ does not set it: add it to the appsettings resource in "
            + "infra/app/api.bicep (a connection as Name__*ServiceUri + Name__credential + Name__clientId), or, if Azure "
            + "provides it, to AzureProvidedSettings with the reason.");
    }

    [Theory]
    [MemberData(nameof(ConnectionsData))]
    public void Connection_is_identity_based_in_bicep(string name)
    {
        Assert.False(
            BicepAppSettings.Settings.ContainsKey(name),
            $"'{name}' is set as a connection string in infra/: use the identity-based shape {name}__*ServiceUri instead.");
        Assert.True(
            BicepAppSettings.HasIdentityBasedConnection(name),
            $"'{name}' needs {name}__blobServiceUri/__queueServiceUri/__tableServiceUri (or __accountName), "
            + $"{name}__credential and {name}__clientId in infra/.");
        Assert.Equal("managedidentity", BicepAppSettings.Settings[$"{name}__credential"]);
    }

    [Theory]
    [MemberData(nameof(LocalSettingsData))]
    public void Local_setting_has_its_counterpart_in_azure(string name)
    {
        if (AzureProvidedSettings.Reasons.ContainsKey(name))
        {
            return;
        }

        Assert.True(
            BicepAppSettings.Declares(name),
            $"local.settings.sample.json sets '{name}' but infra/ does not: add it to the Bicep app settings, or, if Azure "
            + "provides it, to AzureProvidedSettings with the reason.");
    }
}
