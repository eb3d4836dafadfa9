using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace HostingCalls.Infrastructure.Tests;

/// <summary>
/// The Bicep CLI from the NuGet package Azure.Bicep.CommandLine.linux-x64 (binary under tools/bicep).
/// Its path comes from the build (AssemblyMetadata "BicepCliPath", set from the package's path property);
/// failing that, from the NuGet packages folder (NUGET_PACKAGES or ~/.nuget/packages).
/// </summary>
internal static partial class BicepCli
{
    private const string PackageId = "azure.bicep.commandline.linux-x64";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private static readonly Lazy<string> LazyPath = new(Locate);

    public static string ExecutablePath => LazyPath.Value;

    /// <summary>Runs the CLI with these arguments and returns its exit code and output.</summary>
    public static BicepRun Run(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {ExecutablePath}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        return new BicepRun(string.Join(' ', arguments), process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>
    /// Compiles a Bicep file to an ARM template (JSON text) in a temporary folder. Only errors fail here;
    /// warnings are BicepFilesTests' concern.
    /// </summary>
    public static string BuildToJson(string bicepPath)
    {
        var outDir = Directory.CreateTempSubdirectory("hostingcalls-bicep-");
        try
        {
            var run = Run("build", bicepPath, "--outdir", outDir.FullName);
            if (run.ExitCode != 0 || run.Diagnostics.Any(d => d.Level == "Error"))
            {
                throw new InvalidOperationException($"bicep build failed:\n{run.Describe()}");
            }

            var json = Path.Combine(outDir.FullName, Path.GetFileNameWithoutExtension(bicepPath) + ".json");
            return File.ReadAllText(json);
        }
        finally
        {
            outDir.Delete(recursive: true);
        }
    }

    private static string Locate()
    {
        var candidates = new List<string>();
        var fromBuild = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "BicepCliPath")?.Value;
        if (!string.IsNullOrEmpty(fromBuild))
        {
            candidates.Add(fromBuild);
        }

        var packagesRoot = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrEmpty(packagesRoot))
        {
            packagesRoot = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        }

        var packageDir = Path.Combine(packagesRoot, PackageId);
        if (Directory.Exists(packageDir))
        {
            candidates.AddRange(Directory.EnumerateDirectories(packageDir)
                .OrderByDescending(dir => Version.TryParse(Path.GetFileName(dir), out var v) ? v : new Version(0, 0))
                .Select(dir => Path.Combine(dir, "tools", "bicep")));
        }

        var found = candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                "Bicep CLI not found. Restore tests/HostingCalls.Infrastructure.Tests (it references the NuGet package "
                + $"Azure.Bicep.CommandLine.linux-x64). Looked at: {string.Join(", ", candidates)}");

        // A package extracted by some clients loses the executable bit.
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(found);
            const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            if ((mode & UnixFileMode.UserExecute) == 0)
            {
                File.SetUnixFileMode(found, mode | execute);
            }
        }

        return found;
    }

    [GeneratedRegex(@"^(?<file>.+?)\((?<line>\d+),(?<column>\d+)\) : (?<level>Error|Warning|Info) (?<code>[^:]+): (?<message>.*)$", RegexOptions.Multiline)]
    internal static partial Regex DiagnosticLine();
}

/// <summary>One diagnostic line printed by the Bicep CLI.</summary>
internal sealed record BicepDiagnostic(string Level, string Code, string Text)
{
    public bool IsErrorOrWarning => Level is "Error" or "Warning";
}

/// <summary>The outcome of one Bicep CLI run.</summary>
internal sealed record BicepRun(string Command, int ExitCode, string StandardOutput, string StandardError)
{
    public IReadOnlyList<BicepDiagnostic> Diagnostics { get; } =
        BicepCli.DiagnosticLine().Matches(StandardOutput + "\n" + StandardError)
            .Select(m => new BicepDiagnostic(m.Groups["level"].Value, m.Groups["code"].Value.Trim(), m.Value.TrimEnd()))
            .ToList();

    public string Describe()
    {
        var text = new StringBuilder();
        text.AppendLine($"bicep {Command} (exit code {ExitCode})");
        if (StandardOutput.Length > 0)
        {
            text.AppendLine(StandardOutput.TrimEnd());
        }

        if (StandardError.Length > 0)
        {
            text.AppendLine(StandardError.TrimEnd());
        }

        return text.ToString();
    }
}
