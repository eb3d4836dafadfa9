using System.Collections.Concurrent;

namespace HostingCalls.PortalTests.Support;

/// <summary>
/// The portal as a browser sees it at https://portal.test: every request the page makes, its pages and scripts as
/// much as its API calls, is answered by the app's own HTTP function for that route, run in-process on Azurite.
/// </summary>
public sealed class PortalSite(LocalApp app)
{
    public const string Origin = "https://portal.test";

    public const string Start = Origin + "/api/portal/";

    /// <summary>Every request the browser made: method, path and the headers sent.</summary>
    public ConcurrentQueue<(string Method, string Path, IReadOnlyDictionary<string, string> Headers)> Requests { get; } = new();

    /// <summary>Uncaught script errors and console errors of every tab: a page that works has none.</summary>
    public ConcurrentQueue<string> ScriptErrors { get; } = new();

    /// <summary>A browser tab of its own (its own session storage: one person).</summary>
    public async Task<IPage> OpenAsync(IBrowser browser, string locale = "en-GB")
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale, TimezoneId = "Europe/Paris", AcceptDownloads = true });
        await context.RouteAsync(Origin + "/**", RouteAsync);
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => ScriptErrors.Enqueue(error);
        page.Console += (_, message) =>
        {
            // The browser logs every 4xx as "Failed to load resource"; the pages handle those themselves.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                ScriptErrors.Enqueue(message.Text);
            }
        };
        page.SetDefaultTimeout(15_000);
        return page;
    }

    private async Task RouteAsync(IRoute route)
    {
        var request = route.Request;
        var url = new Uri(request.Url);
        var headers = await request.AllHeadersAsync();
        Requests.Enqueue((request.Method, url.AbsolutePath, headers));
        var local = new LocalRequest(request.Method, request.PostDataBuffer ?? [], headers.GetValueOrDefault("content-type"))
        {
            Path = url.AbsolutePath,
            Query = url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=', 2))
                .ToDictionary(pair => Uri.UnescapeDataString(pair[0]), pair => pair.Length > 1 ? Uri.UnescapeDataString(pair[1].Replace('+', ' ')) : ""),
            // The app sees the site's own host, as behind App Service: the browser's Origin is checked against it.
            Headers = new Dictionary<string, string>(headers.Where(h => h.Key is not ("host" or "content-length")), StringComparer.OrdinalIgnoreCase)
            {
                ["Host"] = url.Authority,
            },
        };
        var response = await app.DispatchAsync(local);
        await route.FulfillAsync(new RouteFulfillOptions
        {
            Status = response.Status,
            Headers = response.Headers.Where(h => h.Key != "Content-Length").ToDictionary(h => h.Key, h => h.Value.ToString()),
            BodyBytes = response.Body,
        });
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalBrowser.ScreenshotFolder, name + ".png"), FullPage = true });

    /// <summary>Uses the development caller (the portal's dev-only "act as" field), as a person would.</summary>
    public static async Task ActAsAsync(IPage page, string caller, string hash = "#/")
    {
        await page.GotoAsync(Start + "?dev=1" + hash);
        await page.GetByLabel("Act as (development)").FillAsync(caller);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
    }
}
