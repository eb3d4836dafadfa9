namespace HostingCalls.Core.Notifications.Delivery;

/// <summary>Remembers webhook requests and events already taken, so a replay or a duplicate changes nothing.</summary>
public interface IDeliveryEventLog
{
    /// <summary>Records a verified request by the hash of its timestamp and body; false when it was seen before (a replay).</summary>
    Task<bool> TryRecordRequestAsync(string requestHash, CancellationToken cancellationToken);

    Task<bool> HasEventAsync(string callId, string eventIdHash, CancellationToken cancellationToken);

    Task RecordEventAsync(string callId, string eventIdHash, CancellationToken cancellationToken);
}
