using HostingCalls.Functions.Storage;
using Microsoft.Extensions.Configuration;

namespace HostingCalls.Functions.UnitTests.Storage;

public class StorageClientsTests
{
    private static IConfiguration Settings(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    [Fact]
    public void A_connection_string_serves_all_three_services()
    {
        var clients = StorageClients.FromConfiguration(Settings(new() { ["HostingCallsStorage"] = "UseDevelopmentStorage=true" }), "HostingCallsStorage");
        Assert.Equal("devstoreaccount1", clients.Tables.AccountName);
        Assert.Equal(10000, clients.Blobs.Uri.Port);
    }

    [Fact]
    public void The_identity_based_shape_uses_each_service_uri_and_never_a_key()
    {
        var clients = StorageClients.FromConfiguration(Settings(new()
        {
            ["HostingCallsStorage:tableServiceUri"] = "https://hcdata.table.core.windows.net",
            ["HostingCallsStorage:blobServiceUri"] = "https://hcdata.blob.core.windows.net",
            ["HostingCallsStorage:queueServiceUri"] = "https://hcdata.queue.core.windows.net",
            ["HostingCallsStorage:credential"] = "managedidentity",
            ["HostingCallsStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        }), "HostingCallsStorage");

        Assert.Equal("https://hcdata.table.core.windows.net/", clients.Tables.Uri.ToString());
        Assert.Equal("https://hcdata.queue.core.windows.net/", clients.Queues.Uri.ToString());
        Assert.False(clients.Blobs.CanGenerateAccountSasUri);
    }

    [Fact]
    public void A_missing_setting_says_what_to_set() =>
        Assert.Contains("HostingCallsStorage__tableServiceUri",
            Assert.Throws<InvalidOperationException>(() => StorageClients.FromConfiguration(Settings([]), "HostingCallsStorage")).Message);
}
