using System.Diagnostics;
using System.Text.RegularExpressions;

namespace HostingCalls.InProcess;

/// <summary>
/// A real Azurite, from the repo's own npm package, in memory on ports the OS picks. Started as its own node
/// process (not through npx, which would leave it running when killed) and stopped by its process id.
/// </summary>
public sealed partial class Azurite : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly string _workspace;
    private readonly Ports _ports;
    private Process _process;
    private string _executable = "";
    private bool _onDisk;

    private Azurite(Process process, string workspace, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        _workspace = workspace;
        _ports = new Ports(blobPort, queuePort, tablePort);
        ConnectionString =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
            $"AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";
    }

    /// <summary>The well-known development account on this instance's ports (the key is Azurite's public one).</summary>
    public string ConnectionString { get; }

    /// <summary>The table service's address, as requests to it begin.</summary>
    public string TableEndpoint => $"http://127.0.0.1:{_ports.Table}/devstoreaccount1";

    public static Task<Azurite> StartAsync(CancellationToken cancellationToken = default) => StartAsync(onDisk: false, cancellationToken);

    /// <summary>
    /// Starts Azurite; <paramref name="onDisk"/> keeps its data in a temporary folder instead of memory, so that it
    /// can be stopped and started again (<see cref="StopAsync"/>, <see cref="RestartAsync"/>) with its data and ports.
    /// </summary>
    public static async Task<Azurite> StartAsync(bool onDisk, CancellationToken cancellationToken = default)
    {
        var root = RepositoryRoot();
        var executable = Path.Combine(root, "node_modules", ".bin", "azurite");
        if (!File.Exists(executable))
        {
            await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], root, cancellationToken);
        }

        var workspace = Directory.CreateTempSubdirectory("azurite-").FullName;
        try
        {
            var (process, ports) = await LaunchAsync(executable, workspace, onDisk, new Ports(0, 0, 0), cancellationToken);
            return new Azurite(process, workspace, ports.Blob, ports.Queue, ports.Table) { _executable = executable, _onDisk = onDisk };
        }
        catch
        {
            Directory.Delete(workspace, recursive: true);
            throw;
        }
    }

    private sealed record Ports(int Blob, int Queue, int Table);

    private static async Task<(Process Process, Ports Ports)> LaunchAsync(string executable, string workspace, bool onDisk, Ports wanted, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workspace,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] persistence = onDisk ? ["--location", workspace] : ["--inMemoryPersistence"];
        foreach (var argument in (string[])[.. persistence, "--skipApiVersionCheck", "--disableTelemetry",
                     "--blobHost", "127.0.0.1", "--blobPort", $"{wanted.Blob}", "--queueHost", "127.0.0.1", "--queuePort", $"{wanted.Queue}",
                     "--tableHost", "127.0.0.1", "--tablePort", $"{wanted.Table}"])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        var ports = new Dictionary<string, int>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            output.Enqueue(e.Data);
            if (Listening().Match(e.Data) is { Success: true } match)
            {
                lock (ports)
                {
                    ports[match.Groups["service"].Value] = int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
                    if (ports.Count == 3)
                    {
                        ready.TrySetResult();
                    }
                }
            }
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"Azurite exited early:\n{string.Join('\n', output)}"));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        }
        catch
        {
            Stop(process);
            throw;
        }

        return (process, new Ports(ports["Blob"], ports["Queue"], ports["Table"]));
    }

    /// <summary>Stops Azurite as an operator would (SIGTERM: it saves its data and closes its ports); requests now fail to connect.</summary>
    public async Task StopAsync()
    {
        if (!_onDisk)
        {
            throw new InvalidOperationException("Only an Azurite started on disk can be stopped and started again.");
        }

        if (!_process.HasExited && Terminate(_process.Id, 15) == 0)
        {
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>Starts the stopped Azurite again on the same ports and data.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        var (process, _) = await LaunchAsync(_executable, _workspace, _onDisk, _ports, cancellationToken);
        _process.Dispose();
        _process = process;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Terminate(int pid, int signal);

    public ValueTask DisposeAsync()
    {
        Stop(_process);
        Directory.Delete(_workspace, recursive: true);
        return ValueTask.CompletedTask;
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        process.Dispose();
    }

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HostingCalls.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("HostingCalls.sln not found above " + AppContext.BaseDirectory);
    }

    private static async Task RunAsync(string fileName, string[] arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        }
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at http://[^:]+:(?<port>\d+)")]
    private static partial Regex Listening();
}
