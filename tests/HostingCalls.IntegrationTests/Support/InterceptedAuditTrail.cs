using System.Runtime.CompilerServices;
using HostingCalls.Core.Audit;
using HostingCalls.Core.Common;

namespace HostingCalls.IntegrationTests.Support;

/// <summary>
/// The stored trail with a hand in it: counts the appends tried, and can run something (another sealer's seal, say)
/// just before the chain is read, to land between a reader's head and its entries.
/// </summary>
public sealed class InterceptedAuditTrail(IAuditTrail stored) : IAuditTrail
{
    private int _appends;

    public int Appends => _appends;

    /// <summary>Runs once, before the next <see cref="ReadAllAsync"/> reads anything.</summary>
    public Func<Task>? BeforeNextReadAll { get; set; }

    public Task AddAsync(AuditEntry entry, CancellationToken cancellationToken) => stored.AddAsync(entry, cancellationToken);

    public Task<IReadOnlyList<AuditEntry>> PendingAsync(string callId, CancellationToken cancellationToken) => stored.PendingAsync(callId, cancellationToken);

    public Task<Stored<AuditHead>?> HeadAsync(string callId, CancellationToken cancellationToken) => stored.HeadAsync(callId, cancellationToken);

    public Task<IReadOnlySet<string>> CallsWithPendingAsync(CancellationToken cancellationToken) => stored.CallsWithPendingAsync(cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> TransitionsCheckedAsync(CancellationToken cancellationToken) => stored.TransitionsCheckedAsync(cancellationToken);

    public Task MarkTransitionsCheckedAsync(string callId, string callETag, CancellationToken cancellationToken) =>
        stored.MarkTransitionsCheckedAsync(callId, callETag, cancellationToken);

    public Task<IReadOnlySet<string>> ChainedAfterTheFactAsync(string callId, CancellationToken cancellationToken) => stored.ChainedAfterTheFactAsync(callId, cancellationToken);

    public Task<Stored<AuditHead>?> TryAppendAsync(string callId, Stored<AuditHead>? head, IReadOnlyList<SealedAuditEntry> chained, IReadOnlyList<string> journaled, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _appends);
        return stored.TryAppendAsync(callId, head, chained, journaled, cancellationToken);
    }

    public Task<IReadOnlyList<AuditRecord>> ReadAsync(string callId, long from, int count, CancellationToken cancellationToken) => stored.ReadAsync(callId, from, count, cancellationToken);

    public async IAsyncEnumerable<AuditRecord> ReadAllAsync(string callId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (BeforeNextReadAll is { } before)
        {
            BeforeNextReadAll = null;
            await before();
        }

        await foreach (var record in stored.ReadAllAsync(callId, cancellationToken))
        {
            yield return record;
        }
    }
}
