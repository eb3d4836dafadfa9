using HostingCalls.Core.Judging;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace HostingCalls.Functions.Timers;

/// <summary>
/// Closes calls whose deadline has passed and ranks them; re-ranks calls whose reviews changed. Safe to run late,
/// twice, or on two instances at once: the service guards every step.
/// </summary>
public sealed partial class CallClosingTimer(RankingService rankings, ILogger<CallClosingTimer> logger)
{
    [Function(nameof(CloseAndRankCalls))]
    public async Task CloseAndRankCalls(
        [TimerTrigger("%" + AppSettingNames.CallClosingSchedule + "%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        if (timer.IsPastDue)
        {
            LogPastDue(logger);
        }

        var run = await rankings.CloseAndRankDueCallsAsync(cancellationToken);
        if (run.Failed.Count > 0)
        {
            // Marks this run failed in monitoring; the calls stay due and the next run takes them again.
            throw new InvalidOperationException($"Closing or ranking failed for {run.Failed.Count} call(s): {string.Join(", ", run.Failed)}.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The call closing timer runs late; calls past their deadline are closed now")]
    private static partial void LogPastDue(ILogger logger);
}
