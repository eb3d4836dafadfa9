namespace HostingCalls.Core.Offers;

/// <summary>
/// Remembers which offer a submission's Idempotency-Key made, so a retried POST returns it instead of making another.
/// Only hashes are kept: the key itself is the client's text.
/// </summary>
/// <param name="RequestHash">Hash of the offer as first submitted: the same key with another offer is refused.</param>
public sealed record IdempotencyKey(string MemberState, string KeyHash, string RequestHash, string OfferId);
