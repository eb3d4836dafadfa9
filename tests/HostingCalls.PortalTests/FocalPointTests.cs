using System.Text.RegularExpressions;
using HostingCalls.PortalTests.Support;

namespace HostingCalls.PortalTests;

/// <summary>A Member State's focal point in a real browser, against the real functions on Azurite.</summary>
[Collection(nameof(PortalBrowserCollection))]
public sealed class FocalPointTests(PortalBrowser shared) : PortalTest(shared)
{
    private static async Task FillOfferAsync(IPage page, int seats)
    {
        await page.GetByLabel("Meeting", new() { Exact = true }).SelectOptionAsync("RC-1");
        await page.GetByLabel("City").FillAsync("Nairobi");
        await page.GetByLabel("First day").FillAsync("2024-03-11");
        await page.GetByLabel("Last day").FillAsync("2024-03-13");
        await page.GetByLabel("Name of the venue").FillAsync("United Nations Office at Nairobi, Gigiri");
        await page.GetByLabel("Seats").FillAsync(seats.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Step-free access").CheckAsync();
        await page.GetByLabel("Hybrid meeting facilities").CheckAsync();
        await page.GetByLabel("Interpretation booths").FillAsync("6");
        await page.GetByLabel("Description of the venue").FillAsync("Conference rooms 1 to 4, with six booths.");
        await page.GetByLabel("Nearest international airport").FillAsync("NBO");
        await page.GetByLabel("Distance from the airport (km)").FillAsync("18");
        await page.GetByLabel("Visa facilitation for participants").CheckAsync();
        await page.GetByLabel("Notes on visas").FillAsync("Visas on arrival for participants.");
        await page.GetByLabel("Security arrangements").FillAsync("UN security area");
        foreach (var item in (string[])["Interpretation", "Catering", "Local transport", "Accommodation"])
        {
            await page.GetByLabel(item, new() { Exact = true }).CheckAsync();
        }

        await page.GetByLabel("Cash contribution (USD)").FillAsync("40000");
        await page.GetByLabel("We commit to the host country agreement").CheckAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Wanjiru Kamau");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync("focal.point@mfa.go.ke");
        await page.GetByLabel("Language of the emails").SelectOptionAsync("fr");
        await page.GetByLabel("Email of the Permanent Mission").FillAsync("kenya@un-mission.example");
    }

    [ChromiumFact]
    public async Task A_focal_point_submits_with_a_letter_mends_the_warning_revises_and_another_state_cannot_see_it()
    {
        var kenya = await Site.OpenAsync(Shared.Browser);
        await PortalSite.ActAsAsync(kenya, "member-state KEN", $"#/call/{CallId}");
        await Assertions.Expect(kenya.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("People-Centred Smart Cities");
        await Assertions.Expect(kenya.GetByText("Deadline in the call's time zone (Africa/Nairobi)")).ToBeVisibleAsync();
        await Assertions.Expect(kenya.Locator("table").First).ToContainTextAsync("RC-1");
        await PortalSite.ScreenshotAsync(kenya, "focal-point-call");

        // A venue too small for RC-1's 60 participants, and no letter yet: stored, with two warnings.
        await kenya.GetByRole(AriaRole.Link, new() { Name = "New offer" }).ClickAsync();
        await FillOfferAsync(kenya, seats: 40);
        await PortalSite.ScreenshotAsync(kenya, "focal-point-offer-form");
        await kenya.GetByRole(AriaRole.Button, new() { Name = "Submit the offer" }).ClickAsync();
        var warnings = kenya.GetByRole(AriaRole.Region, new() { Name = "Warnings" });
        await Assertions.Expect(warnings).ToContainTextAsync("Too few seats");
        await Assertions.Expect(warnings).ToContainTextAsync("Official letter missing");
        await Assertions.Expect(kenya.Locator("#status")).ToHaveTextAsync("Your offer was submitted. A receipt is on its way by email.");
        var offerId = new Uri(kenya.Url).Fragment.Split('/')[^1];
        await Assertions.Expect(kenya.GetByRole(AriaRole.Region, new() { Name = "Receipt" })).ToContainTextAsync(offerId);

        // The warning is tied to the field it is about, for screen readers.
        var seats = kenya.GetByLabel("Seats");
        var describedBy = await seats.GetAttributeAsync("aria-describedby");
        Assert.Contains("Too few seats", await kenya.Locator($"#{describedBy!.Split(' ')[^1]}").TextContentAsync());
        await PortalSite.ScreenshotAsync(kenya, "focal-point-offer-warnings");

        // The official letter, as a PDF file.
        var letter = Path.Combine(Path.GetTempPath(), $"letter-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(letter, LocalApp.MinimalPdf);
        await kenya.GetByLabel("What it is").SelectOptionAsync("OfficialLetter");
        await kenya.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(letter);
        await kenya.GetByRole(AriaRole.Button, new() { Name = "Attach the file" }).ClickAsync();
        await Assertions.Expect(kenya.GetByRole(AriaRole.Region, new() { Name = "Attachments" })).ToContainTextAsync(Path.GetFileName(letter));
        await Assertions.Expect(warnings).Not.ToContainTextAsync("Official letter missing");
        await Assertions.Expect(warnings).ToContainTextAsync("Too few seats");

        // Mend the seats and revise: no warning left, version 3 (submit, attach, revise).
        await kenya.GetByLabel("Seats").FillAsync("120");
        await kenya.GetByRole(AriaRole.Button, new() { Name = "Revise the offer" }).ClickAsync();
        await Assertions.Expect(kenya.GetByText("Your offer passes every check the secretariat will make.")).ToBeVisibleAsync();
        var receipt = kenya.GetByRole(AriaRole.Region, new() { Name = "Receipt" });
        await Assertions.Expect(receipt).ToContainTextAsync("Revised");
        await Assertions.Expect(kenya.GetByLabel("Seats")).ToHaveValueAsync("120");
        await PortalSite.ScreenshotAsync(kenya, "focal-point-offer-revised");

        // The server has it as the browser says.
        var stored = (await App.SendAsync(LocalRequest.Get().As("member-state KEN"), r => App.Offers.GetOffer(r, CallId, offerId, default))).Json;
        Assert.Equal(120, stored.GetProperty("venue").GetProperty("seats").GetInt32());
        Assert.Equal("Revised", stored.GetProperty("status").GetString());
        Assert.Equal(0, stored.GetProperty("warnings").GetArrayLength());
        Assert.Equal("fr", stored.GetProperty("focalPoint").GetProperty("language").GetString());
        Assert.Equal(1, stored.GetProperty("attachments").GetArrayLength());

        // France's focal point neither lists it nor opens it.
        var france = await Site.OpenAsync(Shared.Browser);
        await PortalSite.ActAsAsync(france, "member-state FRA", $"#/call/{CallId}");
        await Assertions.Expect(france.GetByText("You have not submitted an offer to this call.")).ToBeVisibleAsync();
        await france.GotoAsync($"{PortalSite.Start}?dev=1#/call/{CallId}/offer/{offerId}");
        await Assertions.Expect(france.GetByRole(AriaRole.Alert)).ToContainTextAsync("Not found, or not visible to you.");
        await Assertions.Expect(france.Locator("body")).Not.ToContainTextAsync("Gigiri");
        await PortalSite.ScreenshotAsync(france, "other-state-cannot-see");
    }

    [ChromiumFact]
    public async Task A_refused_offer_shows_each_error_at_its_field_and_nothing_is_stored()
    {
        var page = await Site.OpenAsync(Shared.Browser);
        await PortalSite.ActAsAsync(page, "member-state BRA", $"#/call/{CallId}/offer/new");
        await FillOfferAsync(page, seats: 80);
        await page.GetByLabel("Nearest international airport").FillAsync("");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync("not-an-email");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit the offer" }).ClickAsync();

        var summary = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByLabel("Email", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        var describedBy = (await page.GetByLabel("Email", new() { Exact = true }).GetAttributeAsync("aria-describedby"))!;
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator($"#{describedBy.Split(' ')[^1]}").TextContentAsync()));
        await Assertions.Expect(summary).ToContainTextAsync("focalPoint.email");
        await PortalSite.ScreenshotAsync(page, "focal-point-offer-errors");

        var listed = await App.SendAsync(LocalRequest.Get().As("member-state BRA"), r => App.Offers.ListOffers(r, CallId, default));
        Assert.Equal(0, listed.Json.GetArrayLength());
    }

    [ChromiumFact]
    public async Task A_focal_point_arrives_through_the_link_in_their_invitation_email_which_leaves_the_address_bar_at_once()
    {
        await App.InviteAsync(CallId, "KEN", "invited.focal.point@mfa.go.ke");
        await App.SendingPump.DrainAsync();
        var email = Shared.SendGrid.Accepted.Last(e => e.To == "invited.focal.point@mfa.go.ke" && e.CallId == CallId);
        var link = Regex.Match(email.Html, Regex.Escape(PortalSite.Start) + "#invitation=[^\"<]+").Value;
        var token = Uri.UnescapeDataString(link.Split("#invitation=")[1]);

        var page = await Site.OpenAsync(Shared.Browser);
        await page.GotoAsync(link);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("People-Centred Smart Cities");
        await Assertions.Expect(page).ToHaveURLAsync($"{PortalSite.Start}#/call/{CallId}");
        await Assertions.Expect(page.Locator("#who")).ToHaveTextAsync("focal point of KEN");
        // The token is sent once, to open the session; every later call carries only the HttpOnly cookie.
        var apiCalls = Site.Requests.Where(r => !r.Path.StartsWith("/api/portal/", StringComparison.Ordinal)).ToList();
        var exchange = Assert.Single(apiCalls, r => r.Headers.ContainsKey("x-hostingcalls-invitation"));
        Assert.Equal(("POST", "/api/sessions", token), (exchange.Method, exchange.Path, exchange.Headers["x-hostingcalls-invitation"]));
        var later = apiCalls.Where(r => r != exchange).ToList();
        Assert.NotEmpty(later);
        Assert.All(later, call => Assert.Contains("__Host-HostingCalls-Session=", call.Headers.GetValueOrDefault("cookie") ?? "", StringComparison.Ordinal));
        Assert.DoesNotContain(Site.Requests, r => r.Path.Contains(token, StringComparison.Ordinal));
        Assert.Equal("", await page.EvaluateAsync<string>("document.cookie"));
        var stored = await page.EvaluateAsync<string>("JSON.stringify([{ ...sessionStorage }, { ...localStorage }])");
        Assert.DoesNotContain(token, stored, StringComparison.Ordinal); // the language choice is kept, the token nowhere
        await page.GetByRole(AriaRole.Link, new() { Name = "New offer" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Meeting", new() { Exact = true })).ToBeVisibleAsync();
        await PortalSite.ScreenshotAsync(page, "focal-point-from-invitation");
    }

    [ChromiumFact]
    public async Task A_link_whose_token_the_API_refuses_says_to_ask_for_a_new_invitation()
    {
        var page = await Site.OpenAsync(Shared.Browser);
        await page.GotoAsync($"{PortalSite.Start}#invitation=not.a.valid-token");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your invitation link does not work");
        await Assertions.Expect(page).ToHaveURLAsync($"{PortalSite.Start}#/");
        var exchange = Assert.Single(Site.Requests, r => r.Headers.ContainsKey("x-hostingcalls-invitation"));
        Assert.Equal(("/api/sessions", "not.a.valid-token"), (exchange.Path, exchange.Headers["x-hostingcalls-invitation"]));
    }

    [ChromiumFact]
    public async Task In_Arabic_the_page_reads_right_to_left_and_the_keyboard_reaches_the_content_first()
    {
        var page = await Site.OpenAsync(Shared.Browser);
        await PortalSite.ActAsAsync(page, "member-state KEN", $"#/call/{CallId}");
        await page.GetByLabel("Language").SelectOptionAsync("ar");

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Assertions.Expect(page.GetByRole(AriaRole.Table).First).ToContainTextAsync("الاجتماع");
        await PortalSite.ScreenshotAsync(page, "focal-point-call-arabic");

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Assertions.Expect(page.GetByRole(AriaRole.Table).First).ToContainTextAsync("الاجتماع");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "انتقل إلى المحتوى" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main")).ToBeFocusedAsync();
    }
}
