using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace HostingCalls.Functions.Storage;

/// <summary>
/// The data storage clients, from one connection setting: a connection string locally
/// (<c>HostingCallsStorage=UseDevelopmentStorage=true</c>), or the identity-based shape in Azure
/// (<c>HostingCallsStorage__tableServiceUri</c>, <c>__blobServiceUri</c>, <c>__queueServiceUri</c>,
/// <c>__credential=managedidentity</c>, <c>__clientId</c>), as the Functions host reads its own connections.
/// </summary>
public sealed record StorageClients(TableServiceClient Tables, BlobServiceClient Blobs, QueueServiceClient Queues)
{
    public static StorageClients FromConfiguration(IConfiguration configuration, string name)
    {
        var section = configuration.GetSection(name);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return FromConnectionString(section.Value);
        }

        var credential = CredentialOf(section);
        return new StorageClients(
            new TableServiceClient(ServiceUri(section, "table"), credential),
            new BlobServiceClient(ServiceUri(section, "blob"), credential),
            new QueueServiceClient(ServiceUri(section, "queue"), credential, QueueOptions()));
    }

    public static StorageClients FromConnectionString(string connectionString) => new(
        new TableServiceClient(connectionString),
        new BlobServiceClient(connectionString),
        new QueueServiceClient(connectionString, QueueOptions()));

    /// <summary>Base64, as the Functions queue trigger expects by default.</summary>
    private static QueueClientOptions QueueOptions() => new() { MessageEncoding = QueueMessageEncoding.Base64 };

    private static Uri ServiceUri(IConfigurationSection section, string service)
    {
        if (section[$"{service}ServiceUri"] is { Length: > 0 } uri)
        {
            return new Uri(uri);
        }

        if (section["accountName"] is { Length: > 0 } account)
        {
            return new Uri($"https://{account}.{service}.core.windows.net");
        }

        throw new InvalidOperationException(
            $"Storage setting '{section.Path}' is missing: set it to a connection string, or set {section.Path}__{service}ServiceUri (or __accountName).");
    }

    private static TokenCredential CredentialOf(IConfigurationSection section) =>
        string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(section["clientId"] is { Length: > 0 } clientId
                ? ManagedIdentityId.FromUserAssignedClientId(clientId)
                : ManagedIdentityId.SystemAssigned)
            : new DefaultAzureCredential();
}
