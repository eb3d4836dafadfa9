namespace HostingCalls.Core.Notifications.Delivery;

/// <summary>Remembers webhook requests and events already taken, so a replay or a duplicate changes nothing.</summary>
public interface IDeliveryEventLog
{
    /// <summary>Records a request's signature; false when it was seen before (a replay).</summary>
    Task<bool> TryRecordSignatureAsync(string signatureHash, CancellationToken cancellationToken);

    Task<bool> HasEventAsync(string callId, string eventIdHash, CancellationToken cancellationToken);

    Task RecordEventAsync(string callId, string eventIdHash, CancellationToken cancellationToken);
}
