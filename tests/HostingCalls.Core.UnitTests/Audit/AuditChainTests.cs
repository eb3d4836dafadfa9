using HostingCalls.Core.Audit;

namespace HostingCalls.Core.UnitTests.Audit;

public sealed class AuditChainTests
{
    private const string CallId = "0190c0de00007000800000000000c411";
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2023-10-02T08:00:00Z");

    private static AuditEntry Entry(int n, DateTimeOffset? at = null) => new(
        CallId, $"event-{n}", at ?? Now.AddMinutes(n), new AuditActor("MemberState", "dev-KEN"), AuditAction.OfferSubmitted, $"offer-{n}",
        new Dictionary<string, string> { ["version"] = "→1", ["status"] = "→Submitted" });

    /// <summary>Five entries chained and stored as the table keeps them.</summary>
    private static (List<AuditRecord> Records, AuditHead Head) Stored(int count = 5)
    {
        var chained = AuditChain.Chain(CallId, null, Enumerable.Range(1, count).Select(n => Entry(n)));
        var records = chained.Select(c => new AuditRecord(c.Sequence, AuditChain.Canonical(c.Sequence, c.PreviousHash, c.Entry), c.Hash)).ToList();
        return (records, new AuditHead(chained[^1].Sequence, chained[^1].Hash));
    }

    [Fact]
    public void The_canonical_text_escapes_only_what_JSON_requires_so_any_JSON_library_recomputes_it()
    {
        var entry = Entry(1) with { Details = new Dictionary<string, string> { ["status"] = "Draft→Open", ["note"] = "a+b <c> & 'd' \"e\"" } };

        var canonical = AuditChain.Canonical(1, AuditChain.Genesis(CallId), entry);

        Assert.Contains("\"status\":\"Draft→Open\"", canonical, StringComparison.Ordinal);
        Assert.Contains("\"note\":\"a+b <c> & 'd' \\\"e\\\"\"", canonical, StringComparison.Ordinal);
        Assert.Equal(canonical, System.Text.Json.Nodes.JsonNode.Parse(canonical)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public void A_whole_chain_verifies_with_its_count_and_head_hash()
    {
        var (records, head) = Stored();

        var verification = AuditChain.Verify(CallId, records, head, Now);

        Assert.True(verification.Ok);
        Assert.Equal((5L, 5L, head.Hash), (verification.Count, verification.HeadSequence, verification.HeadHash));
        Assert.Null(verification.BrokenAt);
    }

    [Fact]
    public void Each_entry_holds_the_hash_of_the_one_before_and_the_first_the_calls_genesis()
    {
        var chained = AuditChain.Chain(CallId, null, [Entry(1), Entry(2)]);
        var more = AuditChain.Chain(CallId, new AuditHead(2, chained[1].Hash), [Entry(3)]);

        Assert.Equal(AuditChain.Genesis(CallId), chained[0].PreviousHash);
        Assert.Equal(chained[0].Hash, chained[1].PreviousHash);
        Assert.Equal((3L, chained[1].Hash), (more[0].Sequence, more[0].PreviousHash));
        Assert.Equal(AuditChain.Sha256(AuditChain.Canonical(1, chained[0].PreviousHash, Entry(1))), chained[0].Hash);
        Assert.NotEqual(AuditChain.Genesis(CallId), AuditChain.Genesis("0190c0de00007000800000000000beef"));
    }

    [Fact]
    public void The_canonical_text_is_the_same_whatever_the_order_of_details_or_the_offset_of_the_time()
    {
        var entry = Entry(1);
        var reordered = entry with
        {
            At = entry.At.ToOffset(TimeSpan.FromHours(3)),
            Details = new Dictionary<string, string> { ["status"] = "→Submitted", ["version"] = "→1" },
        };

        Assert.Equal(AuditChain.Canonical(1, "x", entry), AuditChain.Canonical(1, "x", reordered));
        Assert.StartsWith("{\"v\":1,\"callId\":\"" + CallId + "\",\"sequence\":1,\"previousHash\":\"x\",\"eventId\":\"event-1\",\"at\":\"2023-10-02T08:01:00.0000000Z\"", AuditChain.Canonical(1, "x", entry), StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_read_back_from_its_text_is_the_entry_that_was_chained()
    {
        var (records, _) = Stored(1);

        var read = AuditChain.Read(records[0])!;

        Assert.Equal((1L, AuditChain.Genesis(CallId), records[0].Hash), (read.Sequence, read.PreviousHash, read.Hash));
        Assert.Equal(Entry(1).Details, read.Entry.Details);
        Assert.Equal(Entry(1) with { Details = read.Entry.Details }, read.Entry);
        Assert.Null(AuditChain.Read(records[0] with { Canonical = "not json" }));
    }

    [Fact]
    public void An_edited_field_breaks_the_chain_at_that_entry()
    {
        var (records, head) = Stored();
        records[2] = records[2] with { Canonical = records[2].Canonical.Replace("dev-KEN", "dev-FRA", StringComparison.Ordinal) };

        var verification = AuditChain.Verify(CallId, records, head, Now);

        Assert.False(verification.Ok);
        Assert.Equal(3, verification.BrokenAt!.Sequence);
        Assert.Contains("altered", verification.BrokenAt.Reason, StringComparison.Ordinal);
        Assert.Equal(2, verification.Count);
    }

    [Fact]
    public void An_edit_whose_hash_is_recomputed_breaks_the_chain_at_the_next_entry()
    {
        var (records, head) = Stored();
        var edited = AuditChain.Read(records[2])!;
        var forged = AuditChain.Canonical(3, edited.PreviousHash, edited.Entry with { Actor = new AuditActor("Secretariat", "someone") });
        records[2] = records[2] with { Canonical = forged, Hash = AuditChain.Sha256(forged) };

        var verification = AuditChain.Verify(CallId, records, head, Now);

        Assert.Equal(4, verification.BrokenAt!.Sequence);
        Assert.Contains("entry 3 was rewritten", verification.BrokenAt.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_removed_from_the_middle_is_named_as_missing()
    {
        var (records, head) = Stored();
        records.RemoveAt(2);

        var verification = AuditChain.Verify(CallId, records, head, Now);

        Assert.Equal(3, verification.BrokenAt!.Sequence);
        Assert.Equal("Entry 3 is missing: the next stored entry is 4.", verification.BrokenAt.Reason);
    }

    [Fact]
    public void The_last_entry_removed_is_caught_by_the_head()
    {
        var (records, head) = Stored();
        records.RemoveAt(4);

        var verification = AuditChain.Verify(CallId, records, head, Now);

        Assert.Equal(5, verification.BrokenAt!.Sequence);
        Assert.Contains("the head says the chain has 5 entries, 4 are stored", verification.BrokenAt.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Entries_renumbered_to_hide_a_removal_or_moved_from_another_call_break_the_chain()
    {
        var (records, head) = Stored();
        var renumbered = records.Take(2).Concat(records.Skip(3).Select(r => r with { Sequence = r.Sequence - 1 })).ToList();
        Assert.Equal(3, AuditChain.Verify(CallId, renumbered, head with { Sequence = 4 }, Now).BrokenAt!.Sequence);

        var other = "0190c0de00007000800000000000beef";
        Assert.Equal(1, AuditChain.Verify(other, records, head, Now).BrokenAt!.Sequence);
    }

    [Fact]
    public void A_missing_head_or_an_entry_beyond_it_breaks_the_chain_and_an_empty_trail_verifies()
    {
        var (records, head) = Stored();

        Assert.Equal(5, AuditChain.Verify(CallId, records, null, Now).BrokenAt!.Sequence);
        Assert.Equal(5, AuditChain.Verify(CallId, records, new AuditHead(4, records[3].Hash), Now).BrokenAt!.Sequence);
        Assert.Equal(5, AuditChain.Verify(CallId, records, head with { Hash = records[3].Hash }, Now).BrokenAt!.Sequence);
        Assert.True(AuditChain.Verify(CallId, [], null, Now).Ok);
    }
}
