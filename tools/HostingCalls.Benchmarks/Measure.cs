using System.Diagnostics;

namespace HostingCalls.Benchmarks;

/// <summary>Timing helpers: wall time of a piece of work, and work spread over a fixed number of tasks in flight.</summary>
public static class Measure
{
    public static async Task<TimeSpan> TimeAsync(Func<Task> work)
    {
        var watch = Stopwatch.StartNew();
        await work();
        return watch.Elapsed;
    }

    /// <summary>Runs <paramref name="work"/> for 0..count-1 with <paramref name="inFlight"/> at a time; returns the wall time.</summary>
    public static Task<TimeSpan> InFlightAsync(int count, int inFlight, Func<int, Task> work) => TimeAsync(async () =>
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await work(i);
            }
        }));
    });
}
