using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace HostingCalls.Core.Audit;

/// <summary>
/// The hash chain of a call's trail. Each entry's hash is the SHA-256 of its canonical text, which holds the hash of
/// the entry before (the first holds <see cref="Genesis"/>, bound to the call), so editing, removing or reordering
/// any entry breaks every hash after it; the head (last sequence and hash) catches removing the last ones.
/// </summary>
public static class AuditChain
{
    private const string AtFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>What the first entry holds as "the hash before": the call's own, so a chain cannot be moved to another call.</summary>
    public static string Genesis(string callId) => Sha256("HostingCalls audit trail of call " + callId);

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static readonly JsonWriterOptions CanonicalJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The canonical text of an entry: compact JSON, members in this fixed order, details sorted by key (ordinal),
    /// the time in UTC with seven decimals, only what JSON requires escaped (so "→" is written as itself, as any JSON
    /// library writes it). Anyone can recompute a hash from the entry as the API shows it.
    /// </summary>
    public static string Canonical(long sequence, string previousHash, AuditEntry entry)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, CanonicalJson))
        {
            json.WriteStartObject();
            json.WriteNumber("v", 1);
            json.WriteString("callId", entry.CallId);
            json.WriteNumber("sequence", sequence);
            json.WriteString("previousHash", previousHash);
            json.WriteString("eventId", entry.EventId);
            json.WriteString("at", entry.At.UtcDateTime.ToString(AtFormat, CultureInfo.InvariantCulture));
            json.WriteStartObject("actor");
            json.WriteString("role", entry.Actor.Role);
            json.WriteString("id", entry.Actor.Id);
            json.WriteEndObject();
            json.WriteString("action", entry.Action.ToString());
            json.WriteString("subject", entry.Subject);
            json.WriteStartObject("details");
            foreach (var (key, value) in entry.Details.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
            json.WriteBoolean("afterTheFact", entry.AfterTheFact);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Chains <paramref name="entries"/>, in the order given, after <paramref name="head"/> (null: the first entries of the call).</summary>
    public static IReadOnlyList<SealedAuditEntry> Chain(string callId, AuditHead? head, IEnumerable<AuditEntry> entries)
    {
        var (sequence, previous) = head is null ? (0L, Genesis(callId)) : (head.Sequence, head.Hash);
        var chained = new List<SealedAuditEntry>();
        foreach (var entry in entries)
        {
            sequence++;
            var hash = Sha256(Canonical(sequence, previous, entry));
            chained.Add(new SealedAuditEntry(sequence, previous, entry, hash));
            previous = hash;
        }

        return chained;
    }

    /// <summary>Reads an entry back from its canonical text; null when the text is not one.</summary>
    public static SealedAuditEntry? Read(AuditRecord record)
    {
        try
        {
            using var document = JsonDocument.Parse(record.Canonical);
            var root = document.RootElement;
            var details = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var detail in root.GetProperty("details").EnumerateObject())
            {
                details[detail.Name] = detail.Value.GetString() ?? "";
            }

            var actor = root.GetProperty("actor");
            var entry = new AuditEntry(
                root.GetProperty("callId").GetString()!,
                root.GetProperty("eventId").GetString()!,
                new DateTimeOffset(DateTime.ParseExact(root.GetProperty("at").GetString()!, AtFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)),
                new AuditActor(actor.GetProperty("role").GetString()!, actor.GetProperty("id").GetString()!),
                Enum.Parse<AuditAction>(root.GetProperty("action").GetString()!),
                root.GetProperty("subject").GetString(),
                details)
            {
                AfterTheFact = root.GetProperty("afterTheFact").GetBoolean(),
            };
            return new SealedAuditEntry(root.GetProperty("sequence").GetInt64(), root.GetProperty("previousHash").GetString()!, entry, record.Hash);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// Checks a call's stored chain, in key order, against its head: the first entry that is missing, altered, out of
    /// place or beyond the head breaks it.
    /// </summary>
    public static AuditVerification Verify(string callId, IEnumerable<AuditRecord> records, AuditHead? head, DateTimeOffset now)
    {
        var (expected, previous) = (1L, Genesis(callId));
        AuditVerification Broken(long sequence, string reason) =>
            new(false, expected - 1, head?.Sequence ?? 0, head?.Hash, new AuditBreak(sequence, reason), now);

        foreach (var record in records)
        {
            if (record.Sequence != expected)
            {
                return Broken(expected, record.Sequence > expected
                    ? $"Entry {expected} is missing: the next stored entry is {record.Sequence}."
                    : $"Entry {record.Sequence} is stored out of place, where entry {expected} should be.");
            }

            var read = Read(record);
            if (read is null)
            {
                return Broken(expected, "The entry cannot be read: its stored text is not an audit entry.");
            }

            if (read.Sequence != record.Sequence || read.Entry.CallId != callId)
            {
                return Broken(expected, $"The entry says it is entry {read.Sequence} of call {read.Entry.CallId}: it was moved here.");
            }

            if (read.PreviousHash != previous)
            {
                return Broken(expected, expected == 1
                    ? "The first entry does not start this call's chain."
                    : $"The hash it holds of entry {expected - 1} is not that entry's hash: entry {expected - 1} was rewritten (its hash recomputed), or this one was.");
            }

            var hash = Sha256(Canonical(read.Sequence, read.PreviousHash, read.Entry));
            if (hash != record.Hash)
            {
                return Broken(expected, "The entry was altered: its content does not match its hash.");
            }

            previous = hash;
            expected++;
        }

        var count = expected - 1;
        if (head is null)
        {
            return count == 0
                ? new AuditVerification(true, 0, 0, null, null, now)
                : Broken(count, "The chain's head is missing, so whether entries after this one were removed cannot be told.");
        }

        if (head.Sequence > count)
        {
            return Broken(count + 1, $"Entry {count + 1} is missing: the head says the chain has {head.Sequence} entries, {count} are stored.");
        }

        if (head.Sequence < count)
        {
            return Broken(head.Sequence + 1, $"Entry {head.Sequence + 1} is beyond the head (entry {head.Sequence}): it was added outside sealing.");
        }

        return head.Hash == previous
            ? new AuditVerification(true, count, head.Sequence, head.Hash, null, now)
            : Broken(count, $"Entry {count} does not match the head: the head holds another hash for it.");
    }
}
