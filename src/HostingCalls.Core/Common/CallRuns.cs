namespace HostingCalls.Core.Common;

/// <summary>How a timer goes through its calls: one call's failure is logged and left to the next run; the others go on.</summary>
internal static class CallRuns
{
    public static async Task<bool> GuardAsync(string callId, List<string> failed, Func<Task<bool>> step, Action<Exception, string> logFailure)
    {
        try
        {
            return await step();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logFailure(exception, callId);
            failed.Add(callId);
            return false;
        }
    }
}
