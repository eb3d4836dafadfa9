namespace HostingCalls.Core.Audit;

/// <summary>The end of a call's chain: its last sequence number and that entry's hash. Moved by ETag, once per sealing.</summary>
public sealed record AuditHead(long Sequence, string Hash);
