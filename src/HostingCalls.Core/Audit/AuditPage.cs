namespace HostingCalls.Core.Audit;

/// <summary>A page of a call's trail, in chain order. <see cref="Next"/> is the sequence to ask for next, null at the end.</summary>
public sealed record AuditPage(string CallId, long Count, string? HeadHash, IReadOnlyList<AuditEntryView> Entries, long? Next);

/// <summary>
/// An entry as the secretariat reads it. An entry whose stored text cannot be read shows only its sequence, its stored
/// hash and <see cref="Unreadable"/> (why), so the rest of the page can still be read; verification names it too.
/// </summary>
public sealed record AuditEntryView(
    long Sequence,
    DateTimeOffset? At,
    AuditActor? Actor,
    AuditAction? Action,
    string? Subject,
    IReadOnlyDictionary<string, string> Details,
    string? EventId,
    string? PreviousHash,
    string Hash,
    bool? AfterTheFact,
    string? Unreadable = null)
{
    public static AuditEntryView Of(SealedAuditEntry sealedEntry) => new(
        sealedEntry.Sequence, sealedEntry.Entry.At, sealedEntry.Entry.Actor, sealedEntry.Entry.Action, sealedEntry.Entry.Subject,
        sealedEntry.Entry.Details, sealedEntry.Entry.EventId, sealedEntry.PreviousHash, sealedEntry.Hash, sealedEntry.Entry.AfterTheFact);

    public static AuditEntryView OfUnreadable(AuditRecord record) => new(
        record.Sequence, null, null, null, null, new Dictionary<string, string>(), null, null, record.Hash, null,
        "Its stored text is not an audit entry (altered or damaged); verify the trail.");
}
