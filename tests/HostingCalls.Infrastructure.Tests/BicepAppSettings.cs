using System.Text.Json.Nodes;

namespace HostingCalls.Infrastructure.Tests;

/// <summary>
/// The function app's settings as infra/ declares them: infra/main.bicep is compiled to an ARM template and the
/// properties of every <c>Microsoft.Web/sites/config</c> resource named <c>appsettings</c> (in main or in any module)
/// are read. Values are ARM template text: a literal, or an expression in square brackets.
/// </summary>
internal static class BicepAppSettings
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> LazySettings = new(Load);

    public static IReadOnlyDictionary<string, string> Settings => LazySettings.Value;

    /// <summary>
    /// Whether the connection <paramref name="name"/> is declared in the identity-based shape:
    /// a service URI (<c>Name__serviceUri</c>, <c>Name__blobServiceUri</c>, ...) or <c>Name__accountName</c>,
    /// with <c>Name__credential</c> and <c>Name__clientId</c>.
    /// </summary>
    public static bool HasIdentityBasedConnection(string name) =>
        Settings.Keys.Any(key => IsEndpointKey(name, key))
        && Settings.ContainsKey($"{name}__credential")
        && Settings.ContainsKey($"{name}__clientId");

    /// <summary>Whether <paramref name="name"/> is declared, as itself or as an identity-based connection.</summary>
    public static bool Declares(string name) => Settings.ContainsKey(name) || HasIdentityBasedConnection(name);

    private static bool IsEndpointKey(string connection, string key)
    {
        var prefix = connection + "__";
        if (!key.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var part = key[prefix.Length..];
        return part.EndsWith("ServiceUri", StringComparison.OrdinalIgnoreCase)
            || part.Equals("accountName", StringComparison.OrdinalIgnoreCase);
    }

    private static Dictionary<string, string> Load()
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        var found = 0;
        foreach (var resource in Descendants(MainTemplate.Json).OfType<JsonObject>().Where(IsAppSettingsResource))
        {
            found++;
            if (resource["properties"] is not JsonObject properties)
            {
                throw new InvalidOperationException(
                    "The appsettings resource's properties are not an object literal; write them as one so they can be checked:\n"
                    + resource.ToJsonString());
            }

            foreach (var (key, value) in properties)
            {
                settings[key] = value is JsonValue v && v.TryGetValue<string>(out var text) ? text : value?.ToJsonString() ?? "";
            }
        }

        return found > 0
            ? settings
            : throw new InvalidOperationException("No Microsoft.Web/sites/config resource named appsettings in infra/main.bicep or its modules.");
    }

    private static bool IsAppSettingsResource(JsonObject node) =>
        node["type"] is JsonValue type && type.TryGetValue<string>(out var typeName)
        && typeName.Equals("Microsoft.Web/sites/config", StringComparison.OrdinalIgnoreCase)
        && node["name"] is JsonValue name && name.TryGetValue<string>(out var nameText)
        && nameText.Contains("appsettings", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        var pending = new Stack<JsonNode>([node]);
        while (pending.TryPop(out var current))
        {
            yield return current;
            var children = current switch
            {
                JsonObject o => o.Select(p => p.Value),
                JsonArray a => a.AsEnumerable(),
                _ => [],
            };
            foreach (var child in children.OfType<JsonNode>())
            {
                pending.Push(child);
            }
        }
    }
}
