namespace HostingCalls.Infrastructure.Tests;

/// <summary>
/// Settings the app or the Functions host reads that Azure provides itself, so infra/ does not (and sometimes must
/// not) declare them as app settings. Each name carries the reason. Keep this list short.
/// </summary>
internal static class AzureProvidedSettings
{
    public static readonly IReadOnlyDictionary<string, string> Reasons = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["FUNCTIONS_WORKER_RUNTIME"] =
            "On Flex Consumption functionAppConfig.runtime (dotnet-isolated 10.0, infra/app/api.bicep) sets it; the platform rejects it as an app setting.",
        ["FUNCTIONS_EXTENSION_VERSION"] =
            "On Flex Consumption the platform fixes the host version (~4); the platform rejects it as an app setting.",
        ["WEBSITE_SITE_NAME"] = "Set by App Service on every app (the app's name).",
        ["WEBSITE_HOSTNAME"] = "Set by App Service on every app (the default host name).",
        ["AZURE_FUNCTIONS_ENVIRONMENT"] = "Set by the Functions host (Production in Azure; Development under func start).",
    };
}
