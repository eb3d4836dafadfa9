using HostingCalls.Core.Audit;
using HostingCalls.Core.Common;
using HostingCalls.Core.Notifications;
using HostingCalls.Core.Offers;

namespace HostingCalls.Core.UnitTests.Offers;

/// <summary>A hand fake of the offer store: ETags checked, keys kept, writes counted.</summary>
public sealed class InMemoryOfferStore : IOfferStore
{
    private readonly Dictionary<string, Stored<Offer>> _offers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IdempotencyKey> _keys = new(StringComparer.Ordinal);
    private int _etag;

    public int Writes { get; private set; }

    public IReadOnlyList<Offer> All => [.. _offers.Values.Select(s => s.Value)];

    public Task<Stored<Offer>?> FindAsync(string callId, string offerId, CancellationToken cancellationToken) =>
        Task.FromResult(_offers.TryGetValue(offerId, out var s) && s.Value.CallId == callId ? s : null);

    public Task<IReadOnlyList<Stored<Offer>>> FindAllAsync(string callId, IReadOnlyCollection<string> offerIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Stored<Offer>>>([.. _offers.Values.Where(s => s.Value.CallId == callId && offerIds.Contains(s.Value.Id))]);

    public Task<IReadOnlyList<Stored<Offer>>> ListAsync(string callId, string? memberState, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Stored<Offer>>>([.. _offers.Values.Where(s => s.Value.CallId == callId && (memberState is null || s.Value.MemberState == memberState))]);

    public Task<int> CountAsync(string callId, CancellationToken cancellationToken) => Task.FromResult(_offers.Values.Count(s => s.Value.CallId == callId));

    public Task<IdempotencyKey?> FindKeyAsync(string callId, string memberState, string keyHash, CancellationToken cancellationToken) =>
        Task.FromResult(_keys.GetValueOrDefault($"{callId}|{memberState}|{keyHash}"));

    public Task<Stored<Offer>?> AddAsync(Offer offer, IdempotencyKey? key, Notification receipt, AuditEntry audit, CancellationToken cancellationToken)
    {
        if (key is not null && !_keys.TryAdd($"{offer.CallId}|{key.MemberState}|{key.KeyHash}", key))
        {
            return Task.FromResult<Stored<Offer>?>(null);
        }

        Writes++;
        var stored = new Stored<Offer>(offer, $"e{++_etag}");
        _offers[offer.Id] = stored;
        return Task.FromResult<Stored<Offer>?>(stored);
    }

    public Task<Stored<Offer>> ReplaceAsync(Offer offer, string etag, Notification? notification, AuditEntry audit, CancellationToken cancellationToken)
    {
        if (!_offers.TryGetValue(offer.Id, out var current) || current.ETag != etag)
        {
            throw new Rejection(RejectionKind.Stale, "Stale.", "The offer changed.");
        }

        Writes++;
        var stored = new Stored<Offer>(offer, $"e{++_etag}");
        _offers[offer.Id] = stored;
        return Task.FromResult(stored);
    }
}
