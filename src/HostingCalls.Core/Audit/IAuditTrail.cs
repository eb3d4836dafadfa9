using HostingCalls.Core.Common;

namespace HostingCalls.Core.Audit;

/// <summary>
/// Where a call's trail is kept, beside its offers (one partition per call). Entries arrive as journal rows, most in
/// the same transaction as the change they tell of; sealing chains them and moves the head by ETag.
/// </summary>
public interface IAuditTrail
{
    /// <summary>Journals an entry recorded after its change (<see cref="AuditEntry.AfterTheFact"/>); one already journaled is left as it is.</summary>
    Task AddAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>The call's journaled entries not chained yet.</summary>
    Task<IReadOnlyList<AuditEntry>> PendingAsync(string callId, CancellationToken cancellationToken);

    Task<Stored<AuditHead>?> HeadAsync(string callId, CancellationToken cancellationToken);

    /// <summary>The calls that have journaled entries not chained yet, found in one query across every call.</summary>
    Task<IReadOnlySet<string>> CallsWithPendingAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Per call, the call's ETag as of which every transition it shows was found chained (so none is left to
    /// restore until the call changes again), in one query.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> TransitionsCheckedAsync(CancellationToken cancellationToken);

    Task MarkTransitionsCheckedAsync(string callId, string callETag, CancellationToken cancellationToken);

    /// <summary>The event ids of the after-the-fact entries already chained (each is chained once).</summary>
    Task<IReadOnlySet<string>> ChainedAfterTheFactAsync(string callId, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: adds <paramref name="chained"/>, removes the journal rows of <paramref name="journaled"/>
    /// and moves the head from <paramref name="head"/> to the last chained entry. Returns the new head, or null when
    /// another sealer moved the head or took those rows first (nothing is written then).
    /// </summary>
    Task<Stored<AuditHead>?> TryAppendAsync(string callId, Stored<AuditHead>? head, IReadOnlyList<SealedAuditEntry> chained, IReadOnlyList<string> journaled, CancellationToken cancellationToken);

    /// <summary>Chained entries from sequence <paramref name="from"/>, at most <paramref name="count"/>, in order.</summary>
    Task<IReadOnlyList<AuditRecord>> ReadAsync(string callId, long from, int count, CancellationToken cancellationToken);

    /// <summary>Every chained entry, in key order, as stored.</summary>
    IAsyncEnumerable<AuditRecord> ReadAllAsync(string callId, CancellationToken cancellationToken);
}
