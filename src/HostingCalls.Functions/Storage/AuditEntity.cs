using Azure.Data.Tables;
using HostingCalls.Core.Audit;

namespace HostingCalls.Functions.Storage;

/// <summary>
/// The audit rows, in their call's partition of the offers table: <c>journal|{eventId}</c> (an entry not chained
/// yet, written with the change it tells of), <c>audit|{sequence:D10}</c> (a chained entry: its canonical text and
/// hash), <c>audit-head</c> (the last sequence and hash, moved by ETag) and <c>audit-event|{eventId}</c> (an
/// after-the-fact entry already chained, so it is chained once). Apart from the calls' partitions, one partition
/// <c>audit-transitions-checked</c> holds a row per call (key: the call id) with the call's ETag as of which its
/// transitions were all found chained, so the sealing timer skips a call that has not changed since.
/// </summary>
internal static class AuditEntity
{
    public const string JournalPrefix = "journal|";
    public const string JournalEnd = "journal}";
    public const string ChainPrefix = "audit|";
    public const string ChainEnd = "audit}";
    public const string HeadRowKey = "audit-head";
    public const string EventPrefix = "audit-event|";
    public const string EventEnd = "audit-event}";
    public const string TransitionsCheckedPartition = "audit-transitions-checked";

    public static TableEntity Journal(AuditEntry entry) => new(entry.CallId, JournalPrefix + entry.EventId)
    {
        ["Type"] = "AuditJournal",
        ["Entry"] = StorageJson.Write(entry),
    };

    public static TableTransactionAction JournalAction(AuditEntry entry) => new(TableTransactionActionType.Add, Journal(entry));

    public static AuditEntry FromJournal(TableEntity entity) => StorageJson.Read<AuditEntry>(entity.GetString("Entry"));

    public static string ChainRowKey(long sequence) => ChainPrefix + sequence.ToString("D10", System.Globalization.CultureInfo.InvariantCulture);
}
