using HostingCalls.Core.Common;

namespace HostingCalls.Core.Calls;

/// <summary>Where calls are kept. Updates are guarded by ETag: a stale one throws a <see cref="RejectionKind.Stale"/> rejection.</summary>
public interface ICallStore
{
    Task<Stored<Call>?> FindAsync(string callId, CancellationToken cancellationToken);

    Task<Stored<Call>> AddAsync(Call call, CancellationToken cancellationToken);

    Task<Stored<Call>> ReplaceAsync(Call call, string etag, CancellationToken cancellationToken);

    Task<IReadOnlyList<Stored<Call>>> ListAsync(CallStatus status, CancellationToken cancellationToken);
}
