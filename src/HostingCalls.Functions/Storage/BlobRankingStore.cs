using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using HostingCalls.Core.Judging;

namespace HostingCalls.Functions.Storage;

/// <summary>
/// Ranking snapshots in the <c>rankings</c> container as <c>{callId}/{version:D6}.json</c>. Uploads are
/// create-only (If-None-Match: *), so two instances ranking at once cannot overwrite each other's snapshot. Since a
/// snapshot never changes, the last few read are kept in memory: sending a call's results reads one per email.
/// </summary>
public sealed class BlobRankingStore(StorageClients storage) : IRankingStore
{
    private const int Remembered = 8;
    private readonly BlobContainerClient _container = storage.Blobs.GetBlobContainerClient(StorageNames.RankingsContainer);
    private readonly ConcurrentDictionary<(string CallId, int Version), Ranking> _read = new();

    public async Task<bool> AddAsync(Ranking ranking, CancellationToken cancellationToken)
    {
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
        };
        try
        {
            await Blob(ranking.CallId, ranking.Version).UploadAsync(BinaryData.FromObjectAsJson(ranking, StorageJson.Options), options, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            return false;
        }
    }

    public async Task<Ranking?> FindAsync(string callId, int version, CancellationToken cancellationToken)
    {
        if (_read.TryGetValue((callId, version), out var remembered))
        {
            return remembered;
        }

        try
        {
            var response = await Blob(callId, version).DownloadContentAsync(cancellationToken);
            var ranking = response.Value.Content.ToObjectFromJson<Ranking>(StorageJson.Options)!;
            if (_read.Count >= Remembered)
            {
                _read.Clear();
            }

            _read[(callId, version)] = ranking;
            return ranking;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }

    private BlobClient Blob(string callId, int version) =>
        _container.GetBlobClient($"{callId}/{version.ToString("D6", CultureInfo.InvariantCulture)}.json");
}
