using HostingCalls.Core.Access;
using HostingCalls.Core.Common;

namespace HostingCalls.Core.Calls;

public static class CallLookup
{
    /// <summary>A call as the caller may see it: a Draft exists only for the secretariat; a malformed id is never looked up.</summary>
    public static async Task<Stored<Call>> FindVisibleAsync(this ICallStore calls, Caller caller, string callId, CancellationToken cancellationToken)
    {
        var call = Ids.IsWellFormed(callId) ? await calls.FindAsync(callId, cancellationToken) : null;
        if (call is null || !call.Value.IsVisibleTo(caller))
        {
            throw Rejection.NotFound("call");
        }

        return call;
    }
}
