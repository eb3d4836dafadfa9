using System.Diagnostics.Tracing;

namespace HostingCalls.Benchmarks;

/// <summary>Counts the requests this process makes to storage (tables, queues, blobs), from the Azure SDK's own event source.</summary>
public sealed class StorageRequests : EventListener
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
        if (eventData.EventName == "Request")
        {
            Interlocked.Increment(ref _count);
        }
    }
}
