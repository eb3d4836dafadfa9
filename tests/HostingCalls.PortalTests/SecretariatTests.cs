using HostingCalls.PortalTests.Support;
using Microsoft.Azure.Functions.Worker;

namespace HostingCalls.PortalTests;

/// <summary>The secretariat in a real browser, from sealed offers to the notifications sent.</summary>
[Collection(nameof(PortalBrowserCollection))]
public sealed class SecretariatTests(PortalBrowser shared) : PortalTest(shared)
{
    private static readonly DateTimeOffset ResultsDate = DateTimeOffset.Parse("2023-11-30T09:05:00+03:00");

    private readonly Dictionary<string, string> _offers = [];

    protected override async Task ArrangeAsync()
    {
        // Emails go to the addresses the secretariat recorded: France and Germany are invited at the address their
        // offers give, Kenya at its ministry's, while its offer names another.
        await App.InviteAsync(CallId, "KEN", "ministry@nairobi.example");
        await App.InviteAsync(CallId, "FRA", "fp@paris.example");
        await App.InviteAsync(CallId, "DEU", "fp@bonn.example");

        _offers["KEN"] = await App.SubmitWithLetterAsync(CallId, "member-state KEN", Offer("RC-1", "Nairobi", "2024-03-11", cashUsd: 40000));
        _offers["FRA"] = await App.SubmitWithLetterAsync(CallId, "member-state FRA", Offer("EGM-1", "Paris", "2024-02-12", cashUsd: 150000));
        _offers["DEU"] = await App.SubmitWithLetterAsync(CallId, "member-state DEU", Offer("EGM-1", "Bonn", "2024-02-19", cashUsd: 0));
        await App.SendingPump.DrainAsync(); // the receipts, as they go out at submission
    }

    private static Dictionary<string, object?> Offer(string meetingId, string city, string start, decimal cashUsd) => new()
    {
        ["meetingId"] = meetingId,
        ["city"] = city,
        ["venue"] = new Dictionary<string, object?> { ["name"] = $"{city} conference centre", ["seats"] = 120, ["stepFreeAccess"] = true, ["hybridFacilities"] = true, ["interpretationBooths"] = 6 },
        ["proposedDates"] = new Dictionary<string, object?> { ["start"] = start, ["end"] = DateOnly.Parse(start).AddDays(2).ToString("yyyy-MM-dd") },
        ["access"] = new Dictionary<string, object?> { ["nearestAirport"] = "NBO", ["airportDistanceKm"] = 20, ["visaFacilitation"] = true },
        ["coverage"] = new Dictionary<string, object?> { ["venue"] = true, ["interpretation"] = true, ["catering"] = true, ["cashUsd"] = cashUsd },
        ["hostCountryAgreement"] = true,
        ["focalPoint"] = new Dictionary<string, object?> { ["name"] = "Focal point", ["email"] = $"fp@{city.ToLowerInvariant()}.example", ["language"] = "en" },
    };

    [ChromiumFact]
    public async Task The_secretariat_sees_counts_while_sealed_then_reviews_decides_with_an_override_and_sees_the_notifications_sent()
    {
        var page = await Site.OpenAsync(Shared.Browser);
        await PortalSite.ActAsAsync(page, "secretariat FRA", $"#/call/{CallId}");

        // While the call is open: counts only, no offer.
        var counts = page.GetByRole(AriaRole.Region, new() { Name = "Offers while sealed" });
        await Assertions.Expect(counts).ToContainTextAsync("3 offers from 3 Member States; 0 withdrawn.");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Nairobi conference centre");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Audit trail" })).ToBeVisibleAsync();
        await PortalSite.ScreenshotAsync(page, "secretariat-call-sealed");

        // Invitations: Brazil's focal point is invited, then the invitation revoked.
        var invite = page.GetByRole(AriaRole.Form, new() { Name = "Invite a focal point" });
        await invite.GetByLabel("Member State").FillAsync("BRA");
        await invite.GetByLabel("Email", new() { Exact = true }).FillAsync("focal.point@itamaraty.example");
        await invite.GetByLabel("Language of the emails").SelectOptionAsync("es");
        await invite.GetByRole(AriaRole.Button, new() { Name = "Invite a focal point" }).ClickAsync();
        var invitations = page.GetByRole(AriaRole.Table, new() { Name = "Invitations" });
        await Assertions.Expect(invitations.Locator("tr", new() { HasText = "BRA" })).ToContainTextAsync("Active");
        await PortalSite.ScreenshotAsync(page, "secretariat-invitations");
        await invitations.GetByRole(AriaRole.Button, new() { Name = "Revoke the invitation of BRA" }).ClickAsync();
        await Assertions.Expect(invitations.Locator("tr", new() { HasText = "BRA" })).ToContainTextAsync("Revoked");

        // Closed and ranked by the timer: the ranking per meeting with its components and reasons.
        await App.CloseSampleCallsAsync();
        await page.ReloadAsync();

        // The addresses typed into offers: Kenya's is not mailed until the secretariat confirms it.
        var contacts = page.GetByRole(AriaRole.Table, new() { Name = "Addresses typed into offers" });
        await Assertions.Expect(contacts.Locator("tr", new() { HasText = "FRA" })).ToContainTextAsync("fp@paris.example (mailed)");
        await Assertions.Expect(contacts.Locator("tr", new() { HasText = "KEN" })).ToContainTextAsync("fp@nairobi.example (not mailed until confirmed)");
        await PortalSite.ScreenshotAsync(page, "secretariat-contacts");
        await contacts.GetByRole(AriaRole.Button, new() { Name = "Confirm fp@nairobi.example" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Addresses typed into offers" }).Locator("tr", new() { HasText = "KEN" }))
            .ToContainTextAsync("fp@nairobi.example (mailed)");
        var ranking = page.GetByRole(AriaRole.Region, new() { Name = "Ranking", Exact = true });
        var egm1 = ranking.GetByRole(AriaRole.Table, new() { Name = "Ranking for EGM-1" });
        await Assertions.Expect(egm1).ToContainTextAsync("France");
        await Assertions.Expect(egm1).ToContainTextAsync("Germany");
        await Assertions.Expect(egm1.GetByRole(AriaRole.Columnheader, new() { Name = "Cost coverage" })).ToBeVisibleAsync();
        await Assertions.Expect(egm1.Locator("tbody tr").First).ToContainTextAsync("Recommended host");
        await Assertions.Expect(ranking.GetByRole(AriaRole.Table, new() { Name = "Ranking for RC-1" })).ToContainTextAsync("Kenya");
        await PortalSite.ScreenshotAsync(page, "secretariat-ranking");

        // What-if with other weights: shown, nothing stored.
        var whatIf = page.GetByRole(AriaRole.Form, new() { Name = "What if the weights were different?" });
        await whatIf.GetByLabel("Cost coverage").FillAsync("0.1");
        await whatIf.GetByLabel("Venue and logistics").FillAsync("0.5");
        await whatIf.GetByLabel("Date fit").FillAsync("0.2");
        await whatIf.GetByLabel("Access").FillAsync("0.1");
        await whatIf.GetByLabel("Reviewers").FillAsync("0.1");
        await whatIf.GetByRole(AriaRole.Button, new() { Name = "Rank with these weights" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ranking with these weights" })).ToBeVisibleAsync();
        Assert.Single(await App.RankingSnapshotsAsync(CallId));

        // A review of Kenya's offer re-ranks the call.
        await page.GetByRole(AriaRole.Button, new() { Name = "Review Kenya" }).ClickAsync();
        var review = page.GetByRole(AriaRole.Form, new() { Name = "Your review of Kenya" });
        foreach (var criterion in (string[])["Venue", "Logistics", "Security", "Overall"])
        {
            await review.GetByRole(AriaRole.Group, new() { Name = criterion, Exact = true }).GetByLabel("Score (1 poor – 5 excellent)").SelectOptionAsync("4");
        }

        await review.GetByLabel("Comment").First.FillAsync("Within the UN compound.");
        await review.GetByRole(AriaRole.Button, new() { Name = "Save the review" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Your review is saved");
        await Assertions.Expect(page.GetByText("Version 2,")).ToBeVisibleAsync();
        await PortalSite.ScreenshotAsync(page, "secretariat-review");

        // The decision: Germany instead of France for EGM-1. Too short a justification is refused at its field.
        var decision = page.GetByRole(AriaRole.Form, new() { Name = "Decision" });
        var egm1Host = decision.GetByRole(AriaRole.Group, new() { Name = "EGM-1" });
        await egm1Host.GetByLabel("Host").SelectOptionAsync(_offers["DEU"]);
        await egm1Host.GetByLabel("Justification").FillAsync("Closer.");
        await decision.GetByRole(AriaRole.Button, new() { Name = "Decide" }).ClickAsync();
        await Assertions.Expect(egm1Host.GetByLabel("Justification")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(decision.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await PortalSite.ScreenshotAsync(page, "secretariat-decision-refused");
        await egm1Host.GetByLabel("Justification").FillAsync("Bonn can host in the same week as the regional partners' meeting.");
        await decision.GetByRole(AriaRole.Button, new() { Name = "Decide" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("The decision is recorded; the call is frozen.");
        var decided = page.GetByRole(AriaRole.Table, new() { Name = "The decision" });
        await Assertions.Expect(decided).ToContainTextAsync("Bonn can host in the same week");
        await Assertions.Expect(decided.Locator("tr", new() { HasText = "EGM-1" })).ToContainTextAsync("Germany");
        await PortalSite.ScreenshotAsync(page, "secretariat-decision");

        // The results date: the timer records and queues one email per offer, the queue function sends them.
        App.Clock.SetUtcNow(ResultsDate);
        await App.ResultsTimer.ReleaseResults(new TimerInfo(), default);
        await App.SendingPump.DrainAsync();
        await page.ReloadAsync();
        var notifications = page.GetByRole(AriaRole.Table, new() { Name = "Notifications" });
        foreach (var kind in (string[])["Selected", "Reserve", "Summary"])
        {
            await Assertions.Expect(notifications.Locator("tr", new() { HasText = kind }).First.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "Sent");
        }

        Assert.Contains(Shared.SendGrid.Accepted, e => e.CallId == CallId && e.To == "fp@bonn.example");
        // Kenya's result: to the invitation's address and the one the secretariat confirmed; its receipt went to the first only.
        Assert.Equal(["ministry@nairobi.example", "fp@nairobi.example"], Assert.Single(Shared.SendGrid.Accepted, e => e.NotificationId.StartsWith(_offers["KEN"] + "-selected-", StringComparison.Ordinal)).Recipients);
        Assert.Equal(["ministry@nairobi.example"], Assert.Single(Shared.SendGrid.Accepted, e => e.NotificationId == _offers["KEN"] + "-receipt-1").Recipients);
        await PortalSite.ScreenshotAsync(page, "secretariat-notifications");

        // Germany's focal point sees the result.
        var germany = await Site.OpenAsync(Shared.Browser);
        await PortalSite.ActAsAsync(germany, "member-state DEU", $"#/call/{CallId}/offer/{_offers["DEU"]}");
        await Assertions.Expect(germany.GetByRole(AriaRole.Region, new() { Name = "Result" })).ToContainTextAsync("Your offer is selected");
        await PortalSite.ScreenshotAsync(germany, "focal-point-result");
    }

    [ChromiumFact]
    public async Task The_secretariat_finds_the_call_by_its_state_and_downloads_the_ranking_as_CSV()
    {
        await App.CloseSampleCallsAsync();
        var page = await Site.OpenAsync(Shared.Browser);
        await PortalSite.ActAsAsync(page, "secretariat");

        var row = page.GetByRole(AriaRole.Table, new() { Name = "Calls and their state" }).Locator("tr", new() { Has = page.Locator($"a[href='#/call/{CallId}']") });
        await Assertions.Expect(row).ToContainTextAsync("Ranked");
        await PortalSite.ScreenshotAsync(page, "secretariat-calls");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ranking", Exact = true })).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export the ranking (CSV)" }).ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), download.SuggestedFilename);
        await download.SaveAsAsync(file);

        Assert.Equal($"ranking-{CallId}.csv", download.SuggestedFilename);
        Assert.Contains("Nairobi", await File.ReadAllTextAsync(file));
    }
}
