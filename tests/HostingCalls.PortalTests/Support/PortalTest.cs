namespace HostingCalls.PortalTests.Support;

/// <summary>
/// A browser test's own app (on the shared Azurite, its own clock) with the 2023 call open, the site that routes the
/// browser to it, and the check that no page threw a script error.
/// </summary>
public abstract class PortalTest(PortalBrowser shared) : IAsyncLifetime
{
    protected PortalBrowser Shared => shared;

    protected LocalApp App { get; private set; } = null!;

    protected PortalSite Site { get; private set; } = null!;

    protected string CallId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (!File.Exists(PortalBrowser.ChromiumPath))
        {
            return; // the test is skipped
        }

        App = await shared.StartAppAsync();
        Site = new PortalSite(App);
        CallId = await App.OpenSampleCallAsync();
        await ArrangeAsync();
    }

    /// <summary>What a test class needs beyond the open call.</summary>
    protected virtual Task ArrangeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (Site is not null)
        {
            Assert.True(Site.ScriptErrors.IsEmpty, "Script errors: " + string.Join("\n", Site.ScriptErrors));
        }

        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}
