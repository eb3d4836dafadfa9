using System.Text.Json.Nodes;

namespace HostingCalls.Infrastructure.Tests;

/// <summary>infra/main.bicep compiled once to an ARM template (modules are nested in it).</summary>
internal static class MainTemplate
{
    private static readonly Lazy<JsonObject> LazyTemplate = new(() =>
        JsonNode.Parse(BicepCli.BuildToJson(RepoPaths.MainBicep)) as JsonObject
        ?? throw new InvalidOperationException("bicep build of infra/main.bicep wrote no JSON object."));

    public static JsonObject Json => LazyTemplate.Value;
}
