namespace HostingCalls.Core.Judging;

/// <summary>Ranking snapshots, one per call and version, written once and never changed.</summary>
public interface IRankingStore
{
    /// <summary>Stores the snapshot; false, storing nothing, when its version exists already.</summary>
    Task<bool> AddAsync(Ranking ranking, CancellationToken cancellationToken);

    Task<Ranking?> FindAsync(string callId, int version, CancellationToken cancellationToken);
}
