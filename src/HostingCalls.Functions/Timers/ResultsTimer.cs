using HostingCalls.Core.Decisions;
using Microsoft.Azure.Functions.Worker;

namespace HostingCalls.Functions.Timers;

/// <summary>
/// Releases decided calls' results at their results date, and promotes reserves when a host does not confirm in
/// time. Safe to run late, twice, or on two instances at once: every notification is recorded and queued once.
/// </summary>
public sealed class ResultsTimer(ResultsService results)
{
    [Function(nameof(ReleaseResults))]
    public async Task ReleaseResults(
        [TimerTrigger("%" + AppSettingNames.ResultsReleaseSchedule + "%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var run = await results.ReleaseDueAsync(cancellationToken);
        if (run.Failed.Count > 0)
        {
            // Marks this run failed in monitoring; the calls stay due and the next run takes them again.
            throw new InvalidOperationException($"Releasing results failed for {run.Failed.Count} call(s): {string.Join(", ", run.Failed)}.");
        }
    }
}
