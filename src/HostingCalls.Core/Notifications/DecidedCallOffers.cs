using System.Collections.Concurrent;
using HostingCalls.Core.Calls;
using HostingCalls.Core.Offers;

namespace HostingCalls.Core.Notifications;

/// <summary>
/// The offers of decided calls, read whole once per call and kept for the last few calls: once a call is decided its
/// offers can no longer change, and sending its results needs every one of them, batch after batch.
/// </summary>
internal sealed class DecidedCallOffers(IOfferStore offers)
{
    private const int Remembered = 4;
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyDictionary<string, Offer>>>> _read = new(StringComparer.Ordinal);

    public async Task<IReadOnlyDictionary<string, Offer>> OfAsync(Call call, CancellationToken cancellationToken)
    {
        if (call.Decision is null)
        {
            throw new InvalidOperationException($"Call {call.Id} is not decided: its offers may still change.");
        }

        if (_read.Count >= Remembered && !_read.ContainsKey(call.Id))
        {
            _read.Clear();
        }

        // Batches arriving together share one read; it is not tied to one caller's cancellation.
        var read = _read.GetOrAdd(call.Id, id => new Lazy<Task<IReadOnlyDictionary<string, Offer>>>(() => ReadAsync(id)));
        try
        {
            return await read.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (read.Value.IsFaulted)
        {
            _read.TryRemove(new KeyValuePair<string, Lazy<Task<IReadOnlyDictionary<string, Offer>>>>(call.Id, read));
            throw;
        }
    }

    private async Task<IReadOnlyDictionary<string, Offer>> ReadAsync(string callId) =>
        (await offers.ListAsync(callId, null, CancellationToken.None)).ToDictionary(o => o.Value.Id, o => o.Value, StringComparer.Ordinal);
}
