using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HostingCalls.Infrastructure.Tests;

/// <summary>azure.yaml and infra/main.parameters.json fit infra/main.bicep, so `azd up` asks for nothing unexpected.</summary>
public sealed partial class AzdProjectTests
{
    [Fact]
    public void Azure_yaml_deploys_the_functions_project_as_service_api()
    {
        var yaml = File.ReadAllText(RepoPaths.FromRoot("azure.yaml"));

        Assert.Matches(ServiceApi(), yaml);
        var project = ProjectLine().Match(yaml).Groups["path"].Value;
        Assert.True(
            File.Exists(Path.Combine(RepoPaths.FromRoot(project), "HostingCalls.Functions.csproj")),
            $"azure.yaml project '{project}' does not hold HostingCalls.Functions.csproj.");
    }

    [Fact]
    public void Parameters_file_sets_every_required_parameter_and_no_unknown_one()
    {
        var declared = MainTemplate.Json["parameters"]!.AsObject();
        var given = JsonNode.Parse(File.ReadAllText(RepoPaths.MainParameters))!["parameters"]!.AsObject();

        var unknown = given.Select(p => p.Key).Where(name => !declared.ContainsKey(name)).ToList();
        var missing = declared
            .Where(p => p.Value is JsonObject definition && !definition.ContainsKey("defaultValue") && !given.ContainsKey(p.Key))
            .Select(p => p.Key)
            .ToList();

        Assert.True(unknown.Count == 0, $"main.parameters.json sets parameters main.bicep lacks: {string.Join(", ", unknown)}");
        Assert.True(missing.Count == 0, $"main.parameters.json misses required parameters: {string.Join(", ", missing)}");
    }

    [Theory]
    [InlineData("environmentName", "${AZURE_ENV_NAME}")]
    [InlineData("location", "${AZURE_LOCATION}")]
    [InlineData("principalId", "${AZURE_PRINCIPAL_ID}")]
    public void Parameters_file_takes_the_azd_environment(string parameter, string value)
    {
        var given = JsonNode.Parse(File.ReadAllText(RepoPaths.MainParameters))!["parameters"]!;

        Assert.Equal(value, (string?)given[parameter]?["value"]);
    }

    [GeneratedRegex(@"^services:\s*\n\s+api:\s*$", RegexOptions.Multiline)]
    private static partial Regex ServiceApi();

    [GeneratedRegex(@"^\s+project:\s*(?<path>\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex ProjectLine();
}
