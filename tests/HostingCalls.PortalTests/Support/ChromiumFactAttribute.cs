namespace HostingCalls.PortalTests.Support;

/// <summary>A browser test: skipped, saying why, only where Debian's Chromium is not installed (CI installs it).</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!File.Exists(PortalBrowser.ChromiumPath))
        {
            Skip = $"{PortalBrowser.ChromiumPath} is absent: install it with `apt-get install -y chromium` (.ci/run does) to run the browser tests.";
        }
    }
}
