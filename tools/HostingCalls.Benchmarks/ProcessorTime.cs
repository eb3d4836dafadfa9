using System.Diagnostics;

namespace HostingCalls.Benchmarks;

/// <summary>
/// Processor time used so far by this process and by its Azurite (a node child process), to tell whether a
/// figure is bound by the storage emulator or by the app itself. Linux only (reads /proc); zero elsewhere.
/// </summary>
public static class ProcessorTime
{
    public static (TimeSpan App, TimeSpan Azurite) Now() => (Process.GetCurrentProcess().TotalProcessorTime, AzuriteTime());

    private static TimeSpan AzuriteTime()
    {
        if (!OperatingSystem.IsLinux())
        {
            return TimeSpan.Zero;
        }

        var self = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var ticks = 0L;
        foreach (var stat in Directory.EnumerateDirectories("/proc").Select(d => Path.Combine(d, "stat")))
        {
            try
            {
                // After "pid (comm)": state ppid ... utime (14th field) stime (15th).
                var text = File.ReadAllText(stat);
                var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[1] == self && text.Contains("(node)", StringComparison.Ordinal))
                {
                    ticks += long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
            }
        }

        return TimeSpan.FromSeconds(ticks / 100.0);
    }
}
