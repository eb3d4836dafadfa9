namespace HostingCalls.Infrastructure.Tests;

/// <summary>Every .bicep file under infra/ builds and lints with zero errors and zero warnings.</summary>
public sealed class BicepFilesTests
{
    public static TheoryData<string> BicepFiles() => [.. RepoPaths.BicepFiles()];

    [Fact]
    public void Infra_has_bicep_files_with_main_bicep_among_them()
    {
        Assert.Contains("infra/main.bicep", RepoPaths.BicepFiles());
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Bicep_file_builds_without_errors_or_warnings(string file)
    {
        var outDir = Directory.CreateTempSubdirectory("hostingcalls-bicep-");
        try
        {
            var run = BicepCli.Run("build", RepoPaths.FromRoot(file), "--outdir", outDir.FullName);

            AssertClean(run);
            Assert.True(
                File.Exists(Path.Combine(outDir.FullName, Path.GetFileNameWithoutExtension(file) + ".json")),
                $"bicep build wrote no ARM template for {file}.\n{run.Describe()}");
        }
        finally
        {
            outDir.Delete(recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Bicep_file_lints_without_errors_or_warnings(string file)
    {
        AssertClean(BicepCli.Run("lint", RepoPaths.FromRoot(file)));
    }

    private static void AssertClean(BicepRun run)
    {
        var problems = run.Diagnostics.Where(d => d.IsErrorOrWarning).Select(d => d.Text).ToList();
        Assert.True(
            run.ExitCode == 0 && problems.Count == 0,
            $"{problems.Count} error(s)/warning(s):\n{string.Join('\n', problems)}\n\n{run.Describe()}");
    }
}
