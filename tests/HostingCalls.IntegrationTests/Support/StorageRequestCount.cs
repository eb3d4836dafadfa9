using System.Diagnostics.Tracing;
using Azure.Core.Diagnostics;

namespace HostingCalls.IntegrationTests.Support;

/// <summary>
/// Counts the requests this process sends to one storage endpoint, from the Azure SDK's own events, so that tests
/// running at the same time against other Azurites are not counted.
/// </summary>
public sealed class StorageRequestCount : IDisposable
{
    private readonly AzureEventSourceListener _listener;
    private long _count;

    public StorageRequestCount(string endpoint) =>
        _listener = new AzureEventSourceListener((e, _) =>
        {
            // Azure-Core's "Request" event: request id, method, uri, ...
            if (e is { EventSource.Name: "Azure-Core", EventName: "Request", Payload: [_, _, string uri, ..] } && uri.StartsWith(endpoint, StringComparison.OrdinalIgnoreCase))
            {
                Interlocked.Increment(ref _count);
            }
        }, EventLevel.Informational);

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
