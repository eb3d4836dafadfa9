namespace HostingCalls.Core.Audit;

/// <summary>An entry in the chain: its place, the hash of the one before, and its own hash over <see cref="AuditChain.Canonical"/>.</summary>
public sealed record SealedAuditEntry(long Sequence, string PreviousHash, AuditEntry Entry, string Hash);

/// <summary>A chained entry as stored: the sequence its key says, its canonical text and the hash stored beside it.</summary>
public sealed record AuditRecord(long Sequence, string Canonical, string Hash);
