namespace HostingCalls.Core.Audit;

/// <summary>
/// What verifying a call's chain found: every entry in place and unchanged up to the head, or the first entry that
/// is not, and why.
/// </summary>
public sealed record AuditVerification(bool Ok, long Count, long HeadSequence, string? HeadHash, AuditBreak? BrokenAt, DateTimeOffset VerifiedAt);

/// <param name="Sequence">The first entry that is missing, altered or out of place.</param>
public sealed record AuditBreak(long Sequence, string Reason);
