namespace HostingCalls.Infrastructure.Tests;

/// <summary>Paths in the repository, found from the test's base directory.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder holding HostingCalls.sln (or .slnx) or global.json.</summary>
    public static string Root => LazyRoot.Value;

    public static string Infra => Path.Combine(Root, "infra");

    public static string MainBicep => Path.Combine(Infra, "main.bicep");

    public static string MainParameters => Path.Combine(Infra, "main.parameters.json");

    public static string LocalSettingsSample => Path.Combine(Root, "local.settings.sample.json");

    /// <summary>Every .bicep file under infra/, as a path relative to the repository root with forward slashes.</summary>
    public static IReadOnlyList<string> BicepFiles() =>
        Directory.Exists(Infra)
            ? Directory.EnumerateFiles(Infra, "*.bicep", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(Root, path).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    public static string FromRoot(string relativePath) => Path.Combine(Root, relativePath);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HostingCalls.sln"))
                || File.Exists(Path.Combine(dir.FullName, "HostingCalls.slnx"))
                || File.Exists(Path.Combine(dir.FullName, "global.json")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No folder holding HostingCalls.sln or global.json above {AppContext.BaseDirectory}.");
    }
}
