using Azure;
using HostingCalls.Core.Common;

namespace HostingCalls.Functions.Storage;

internal static class TableErrors
{
    public const int PreconditionFailed = 412;
    public const int Conflict = 409;

    /// <summary>Runs a conditional write and turns a lost ETag race into a 412 rejection for the caller.</summary>
    public static async Task<T> GuardedAsync<T>(string what, Func<Task<T>> write)
    {
        try
        {
            return await write();
        }
        catch (RequestFailedException exception) when (exception.Status == PreconditionFailed)
        {
            throw Rejection.Stale(what);
        }
    }
}
