using System.Text.Json;
using Azure.Data.Tables;
using HostingCalls.Functions.Storage;
using HostingCalls.IntegrationTests.Support;

namespace HostingCalls.IntegrationTests.Http;

/// <summary>The trail of a whole call as the secretariat reads it, who may read it, and tampering found by verification.</summary>
[Collection(nameof(AzuriteCollection))]
public sealed class AuditFunctionsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private ResultsScenario _scenario = null!;

    private LocalApp App => _scenario.App;

    private string CallId => _scenario.CallId;

    public async Task InitializeAsync() => _scenario = await ResultsScenario.StartAsync(azurite.ConnectionString);

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    private Task<LocalResponse> Trail(string caller, string callId, params (string Name, string Value)[] query) =>
        App.SendAsync(query.Aggregate(LocalRequest.Get().As(caller), (r, q) => r.WithQuery(q.Name, q.Value)), r => App.Audit.GetAuditTrail(r, callId, default));

    private Task<LocalResponse> Verify(string caller = Callers.Secretariat) =>
        App.SendAsync(LocalRequest.Get().As(caller), r => App.Audit.VerifyAuditTrail(r, CallId, default));

    /// <summary>Every entry, read page by page as a client would.</summary>
    private async Task<List<JsonElement>> AllEntriesAsync(int pageSize)
    {
        var entries = new List<JsonElement>();
        var from = "1";
        while (true)
        {
            var page = (await Trail(Callers.Secretariat, CallId, ("from", from), ("limit", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)))).Expect(200, "read the trail");
            entries.AddRange(page.Json.GetProperty("entries").EnumerateArray().Select(e => e.Clone()));
            if (!page.Json.TryGetProperty("next", out var next))
            {
                return entries;
            }

            from = next.GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    [Fact]
    public async Task A_whole_call_leaves_one_entry_per_change_in_a_chain_that_verifies()
    {
        await _scenario.DecideAndReleaseAsync();
        await App.SendingPump.DrainAsync();
        Assert.Equal(200, (await App.SendAsync(LocalRequest.Post(new { confirm = false }).As(Callers.France), r => App.Decisions.AnswerAsHost(r, CallId, _scenario.Offers["FRA EGM-1"], default))).Status);
        Assert.Equal(200, (await App.SendAsync(LocalRequest.Post(new { confirm = true }).As("member-state DEU"), r => App.Decisions.AnswerAsHost(r, CallId, _scenario.Offers["DEU EGM-1"], default))).Status);

        var entries = await AllEntriesAsync(pageSize: 7);

        Assert.Equal(Enumerable.Range(1, entries.Count).Select(n => (long)n), entries.Select(e => e.GetProperty("sequence").GetInt64()));
        var actions = entries.Select(e => e.GetProperty("action").GetString()!).ToList();
        Assert.Equal(["CallCreated", "CallOpened"], actions.Take(2));
        Assert.Equal(6, actions.Count(a => a == "OfferSubmitted"));
        Assert.Equal(5, actions.Count(a => a == "AttachmentAdded"));
        foreach (var once in new[] { "CallClosed", "CallRanked", "CallDecided", "CallAnnounced", "HostDeclined", "ReservePromoted", "HostConfirmed" })
        {
            Assert.Equal(1, actions.Count(a => a == once));
        }

        Assert.True(actions.IndexOf("CallClosed") < actions.IndexOf("CallRanked") && actions.IndexOf("CallRanked") < actions.IndexOf("CallDecided"));
        var emails = _scenario.Emails.Count;
        Assert.Equal(emails, actions.Count(a => a == "NotificationSent"));

        var opened = entries[1];
        Assert.Equal(("Secretariat", "dev-secretariat"), (opened.GetProperty("actor").GetProperty("role").GetString(), opened.GetProperty("actor").GetProperty("id").GetString()));
        Assert.Equal("Draft→Open", opened.GetProperty("details").GetProperty("status").GetString());
        var declined = entries.Single(e => e.GetProperty("action").GetString() == "HostDeclined");
        Assert.Equal(("MemberState", "dev-FRA"), (declined.GetProperty("actor").GetProperty("role").GetString(), declined.GetProperty("actor").GetProperty("id").GetString()));
        var promoted = entries.Single(e => e.GetProperty("action").GetString() == "ReservePromoted");
        Assert.Equal($"{_scenario.Offers["FRA EGM-1"]} (FRA)→{_scenario.Offers["DEU EGM-1"]} (DEU)", promoted.GetProperty("details").GetProperty("host").GetString());
        var decided = entries.Single(e => e.GetProperty("action").GetString() == "CallDecided").GetProperty("details");
        Assert.Equal($"EGM-1: {_scenario.Offers["FRA EGM-1"]} (FRA)", decided.GetProperty("meeting1").GetString());

        // Personal data stays in the offers: no names, addresses or bodies in the trail.
        var text = string.Join("\n", entries.Select(e => e.GetRawText()));
        Assert.DoesNotContain("@", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Wanjiru", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nairobi", text, StringComparison.Ordinal);

        var verification = (await Verify()).Expect(200, "verify").Json;
        Assert.True(verification.GetProperty("ok").GetBoolean());
        Assert.Equal(entries.Count, verification.GetProperty("count").GetInt64());
        Assert.Equal(entries[^1].GetProperty("hash").GetString(), verification.GetProperty("headHash").GetString());
        Assert.Equal(entries[^1].GetProperty("previousHash").GetString(), entries[^2].GetProperty("hash").GetString());
    }

    [Fact]
    public async Task Only_the_secretariat_reads_or_verifies_a_trail()
    {
        foreach (var function in new Func<LocalRequest, Task<LocalResponse>>[]
                 {
                     r => App.SendAsync(r, h => App.Audit.GetAuditTrail(h, CallId, default)),
                     r => App.SendAsync(r, h => App.Audit.VerifyAuditTrail(h, CallId, default)),
                 })
        {
            Assert.Equal(401, (await function(LocalRequest.Get())).Status);
            Assert.Equal(403, (await function(LocalRequest.Get().As(Callers.Kenya))).Status);
            Assert.Equal(403, (await function(LocalRequest.Get().As(Callers.GermanReviewer))).Status);
            Assert.Equal(200, (await function(LocalRequest.Get().As(Callers.Secretariat))).Status);
        }

        Assert.Equal(404, (await Trail(Callers.Secretariat, "0190c0de00007000800000000000dead")).Status);
        Assert.Equal(404, (await Trail(Callers.Secretariat, "audit|0000000001")).Status);
        Assert.Equal(["limit"], (await Trail(Callers.Secretariat, CallId, ("limit", "501"))).ProblemFields);
        Assert.Equal(["from"], (await Trail(Callers.Secretariat, CallId, ("from", "0"))).ProblemFields);
        var beyond = (await Trail(Callers.Secretariat, CallId, ("from", "100000"))).Expect(200, "read past the end").Json;
        Assert.Equal(0, beyond.GetProperty("entries").GetArrayLength());
    }

    [Fact]
    public async Task Verification_names_the_first_entry_edited_removed_from_the_middle_or_removed_at_the_end()
    {
        var count = (await Verify()).Expect(200, "verify").Json.GetProperty("count").GetInt64();
        Assert.True(count > 10, $"{count} entries");
        var table = App.Storage.Tables.GetTableClient(StorageNames.OffersTable);
        async Task<TableEntity> Row(long sequence) => (await table.GetEntityAsync<TableEntity>(CallId, $"audit|{sequence:D10}")).Value;
        async Task<(long Sequence, string Reason)> BrokenAt()
        {
            var json = (await Verify()).Expect(200, "verify").Json;
            Assert.False(json.GetProperty("ok").GetBoolean());
            var broken = json.GetProperty("brokenAt");
            return (broken.GetProperty("sequence").GetInt64(), broken.GetProperty("reason").GetString()!);
        }

        // An edited field: the actor of entry 3 (a focal point's offer or letter) changed in place.
        var third = await Row(3);
        var edited = new TableEntity(third) { ["Entry"] = third.GetString("Entry").Replace("\"id\":\"dev-", "\"id\":\"dev-x", StringComparison.Ordinal) };
        Assert.NotEqual(third.GetString("Entry"), edited.GetString("Entry"));
        await table.UpdateEntityAsync(edited, Azure.ETag.All, TableUpdateMode.Replace);
        Assert.Equal((3L, "The entry was altered: its content does not match its hash."), await BrokenAt());
        await table.UpsertEntityAsync(third, TableUpdateMode.Replace);
        Assert.True((await Verify()).Json.GetProperty("ok").GetBoolean());

        // One removed from the middle.
        var middle = await Row(count / 2);
        await table.DeleteEntityAsync(CallId, middle.RowKey);
        Assert.Equal((count / 2, $"Entry {count / 2} is missing: the next stored entry is {count / 2 + 1}."), await BrokenAt());
        await table.UpsertEntityAsync(middle, TableUpdateMode.Replace);

        // The last one removed: only the head tells.
        var last = await Row(count);
        await table.DeleteEntityAsync(CallId, last.RowKey);
        var (sequence, reason) = await BrokenAt();
        Assert.Equal(count, sequence);
        Assert.Contains($"the head says the chain has {count} entries", reason, StringComparison.Ordinal);
        await table.UpsertEntityAsync(last, TableUpdateMode.Replace);
        Assert.True((await Verify()).Json.GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task An_unreadable_entry_is_shown_as_unreadable_with_its_sequence_and_the_rest_of_its_page_still_reads()
    {
        var table = App.Storage.Tables.GetTableClient(StorageNames.OffersTable);
        (await Verify()).Expect(200, "verify (and seal)");
        var third = (await table.GetEntityAsync<TableEntity>(CallId, "audit|0000000003")).Value;
        await table.UpdateEntityAsync(new TableEntity(third) { ["Entry"] = "{\"v\":1,\"damaged" }, Azure.ETag.All, TableUpdateMode.Replace);

        var page = (await Trail(Callers.Secretariat, CallId, ("limit", "10"))).Expect(200, "read the page with the damaged entry").Json;

        var entries = page.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, 10).Select(n => (long)n), entries.Select(e => e.GetProperty("sequence").GetInt64()));
        var damaged = entries[2];
        Assert.Contains("verify the trail", damaged.GetProperty("unreadable").GetString(), StringComparison.Ordinal);
        Assert.Equal(third.GetString("Hash"), damaged.GetProperty("hash").GetString());
        Assert.False(damaged.TryGetProperty("action", out _));
        Assert.All(entries.Where((_, i) => i != 2), e => Assert.False(e.TryGetProperty("unreadable", out _)));
        Assert.All(entries.Where((_, i) => i != 2), e => Assert.NotNull(e.GetProperty("action").GetString()));
        var verification = (await Verify()).Expect(200, "verify").Json.GetProperty("brokenAt");
        Assert.Equal((3L, "The entry cannot be read: its stored text is not an audit entry."), (verification.GetProperty("sequence").GetInt64(), verification.GetProperty("reason").GetString()));
        await table.UpsertEntityAsync(third, TableUpdateMode.Replace);
    }
}
