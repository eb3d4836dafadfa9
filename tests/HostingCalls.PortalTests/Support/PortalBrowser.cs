namespace HostingCalls.PortalTests.Support;

/// <summary>
/// One Azurite, one SendGrid stand-in and one headless Debian Chromium for the browser tests. Playwright's node
/// driver ships in its NuGet package; no browser is downloaded.
/// </summary>
public sealed class PortalBrowser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private Azurite? _azurite;
    private IPlaywright? _playwright;

    public string ConnectionString => _azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite is not started.");

    public SendGridCapture SendGrid { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Screenshots of the main pages, kept with the test output (git-ignored).</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return; // every test is skipped
        }

        Directory.CreateDirectory(ScreenshotFolder);
        _azurite = await Azurite.StartAsync();
        SendGrid = await SendGridCapture.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>The app on this Azurite, sending email to the stand-in, on its own clock.</summary>
    public Task<LocalApp> StartAppAsync() =>
        LocalApp.StartAsync(ConnectionString, new Dictionary<string, string?>
        {
            ["SendGrid:ApiKey"] = "SG.test-key",
            ["SendGrid:Host"] = SendGrid.Host,
            ["SendGrid:FromEmail"] = "hosting-calls@unhabitat.example",
            ["Notifications:SecretariatEmail"] = "secretariat@unhabitat.example",
            ["Invitations:PortalUrl"] = PortalSite.Start,
        });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (SendGrid is not null)
        {
            await SendGrid.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}

[CollectionDefinition(nameof(PortalBrowserCollection))]
public sealed class PortalBrowserCollection : ICollectionFixture<PortalBrowser>;
