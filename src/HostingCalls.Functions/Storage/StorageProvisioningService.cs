using Microsoft.Extensions.Hosting;

namespace HostingCalls.Functions.Storage;

/// <summary>Makes sure the tables, container and queues exist before the first request.</summary>
public sealed class StorageProvisioningService(StorageClients storage) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => storage.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
