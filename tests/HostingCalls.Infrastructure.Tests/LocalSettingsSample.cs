using System.Text.Json;

namespace HostingCalls.Infrastructure.Tests;

/// <summary>The <c>Values</c> of local.settings.sample.json at the repository root.</summary>
internal static class LocalSettingsSample
{
    private static readonly Lazy<IReadOnlyDictionary<string, string?>> LazyValues = new(Load);

    public static IReadOnlyDictionary<string, string?> Values => LazyValues.Value;

    /// <summary>Whether a local value is a storage connection string (so Azure needs the identity-based shape).</summary>
    public static bool IsConnectionString(string? value) =>
        value is not null
        && (value.StartsWith("UseDevelopmentStorage=", StringComparison.OrdinalIgnoreCase)
            || value.Contains("AccountName=", StringComparison.OrdinalIgnoreCase)
            || value.Contains("BlobEndpoint=", StringComparison.OrdinalIgnoreCase));

    private static Dictionary<string, string?> Load()
    {
        using var document = JsonDocument.Parse(
            File.ReadAllText(RepoPaths.LocalSettingsSample),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!document.RootElement.TryGetProperty("Values", out var values) || values.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException("local.settings.sample.json has no \"Values\" object.");
        }

        return values.EnumerateObject().ToDictionary(
            p => p.Name,
            p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText(),
            StringComparer.Ordinal);
    }
}
