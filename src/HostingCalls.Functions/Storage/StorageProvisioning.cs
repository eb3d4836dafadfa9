namespace HostingCalls.Functions.Storage;

/// <summary>Creates the tables, container and queues if they are missing: Azurite starts empty; in Azure infra/ made them.</summary>
public static class StorageProvisioning
{
    public static async Task EnsureCreatedAsync(this StorageClients storage, CancellationToken cancellationToken)
    {
        await storage.Tables.CreateTableIfNotExistsAsync(StorageNames.CallsTable, cancellationToken);
        await storage.Tables.CreateTableIfNotExistsAsync(StorageNames.OffersTable, cancellationToken);
        await storage.Blobs.GetBlobContainerClient(StorageNames.AttachmentsContainer).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await storage.Blobs.GetBlobContainerClient(StorageNames.RankingsContainer).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await storage.Queues.GetQueueClient(StorageNames.NotificationsQueue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await storage.Queues.GetQueueClient(StorageNames.NotificationsPoisonQueue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await storage.Tables.CreateTableIfNotExistsAsync(StorageNames.DeliveryEventsTable, cancellationToken);
    }
}
