using System.Diagnostics.Tracing;

namespace HostingCalls.IntegrationTests.Support;

/// <summary>
/// Counts the requests this process sends to one storage account's endpoint (from the Azure SDK's own event source),
/// so that tests running at the same time against other accounts are not counted.
/// </summary>
public sealed class StorageRequestCount(string endpoint) : EventListener
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Azure-Core")
        {
            EnableEvents(eventSource, EventLevel.Informational);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        // The "Request" event's payload: request id, method, uri, ...
        if (eventData.EventName == "Request" && eventData.Payload is [_, _, string uri, ..] && endpoint is { Length: > 0 } && uri.StartsWith(endpoint, StringComparison.OrdinalIgnoreCase))
        {
            Interlocked.Increment(ref _count);
        }
    }
}
