namespace HostingCalls.Core.Audit;

/// <summary>A page of a call's trail, in chain order. <see cref="Next"/> is the sequence to ask for next, null at the end.</summary>
public sealed record AuditPage(string CallId, long Count, string? HeadHash, IReadOnlyList<AuditEntryView> Entries, long? Next);

/// <summary>An entry as the secretariat reads it.</summary>
public sealed record AuditEntryView(
    long Sequence,
    DateTimeOffset At,
    AuditActor Actor,
    AuditAction Action,
    string? Subject,
    IReadOnlyDictionary<string, string> Details,
    string EventId,
    string PreviousHash,
    string Hash,
    bool AfterTheFact)
{
    public static AuditEntryView Of(SealedAuditEntry sealedEntry) => new(
        sealedEntry.Sequence, sealedEntry.Entry.At, sealedEntry.Entry.Actor, sealedEntry.Entry.Action, sealedEntry.Entry.Subject,
        sealedEntry.Entry.Details, sealedEntry.Entry.EventId, sealedEntry.PreviousHash, sealedEntry.Hash, sealedEntry.Entry.AfterTheFact);
}
