using HostingCalls.InProcess;

namespace HostingCalls.Benchmarks;

/// <summary>
/// The app in-process on an Azurite of its own, sending to a local SendGrid stand-in. Each figure gets a fresh one:
/// Azurite's cost per write grows with the rows already in the table, so one figure's data would slow the next.
/// </summary>
public sealed class FreshApp : IAsyncDisposable
{
    private FreshApp(Azurite azurite, SendGridCapture sendGrid, LocalApp app) => (Azurite, SendGrid, App) = (azurite, sendGrid, app);

    public Azurite Azurite { get; }

    public SendGridCapture SendGrid { get; }

    public LocalApp App { get; }

    public static async Task<FreshApp> StartAsync()
    {
        var azurite = await Azurite.StartAsync();
        var sendGrid = await SendGridCapture.StartAsync();
        var app = await LocalApp.StartAsync(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["SendGrid:ApiKey"] = "SG.benchmark",
            ["SendGrid:Host"] = sendGrid.Host,
            ["SendGrid:FromEmail"] = "bench@example.org",
            ["Notifications:SecretariatEmail"] = "secretariat@example.org",
        });
        return new FreshApp(azurite, sendGrid, app);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await SendGrid.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
