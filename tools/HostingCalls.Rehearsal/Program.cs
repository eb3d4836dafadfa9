using HostingCalls.InProcess;
using HostingCalls.Rehearsal;

// The README's first command: a whole call rehearsed in-process on an embedded Azurite, with a report.
var root = RepositoryRoot();
RehearsalOptions options;
try
{
    options = RehearsalOptions.Parse(args, root);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}

var progress = new Progress(Console.Out);
var callJson = await File.ReadAllTextAsync(options.CallFile);
using var callDocument = System.Text.Json.JsonDocument.Parse(callJson);
var offers = options.OffersFile is { } file ? PlannedOffer.Load(file) : OfferGenerator.For(callDocument.RootElement);
if (options.Smoke is null)
{
    Console.WriteLine($"HostingCalls rehearsal of {Path.GetFileName(options.CallFile)} with {offers.Count} offers{(options.OffersFile is null ? " made up for its meetings" : $" from {Path.GetFileName(options.OffersFile)}")}");
}

try
{
    if (options.Smoke is { } smoke)
    {
        using var http = new HttpClient { BaseAddress = smoke.Target, Timeout = TimeSpan.FromSeconds(60) };
        Console.WriteLine($"Smoke test of {smoke.Target} (secretariat: {smoke.SignIn}); invitations and receipts go to {smoke.Email}");
        await new HttpSmokeTest(http, SecretariatSignIn.For(smoke, Environment.GetEnvironmentVariable), SigningKeysSource.For(smoke, Environment.GetEnvironmentVariable),
            smoke.Email, callJson, offers[0], progress, TimeProvider.System).RunAsync();
        Console.WriteLine($"Smoke test against {smoke.Target} passed.");
        return 0;
    }

    await using var azurite = options.Storage is null ? await progress.StepAsync("Start Azurite (in memory)", async () => { var a = await Azurite.StartAsync(); return (a, "ports chosen by the OS"); }) : null;
    await using var sendGrid = await SendGridCapture.StartAsync();
    var opensAt = callDocument.RootElement.GetProperty("opensAt").GetDateTimeOffset();
    await using var app = await LocalApp.StartAsync(azurite?.ConnectionString ?? options.Storage!, LocalAppSettings.For(sendGrid.Host), opensAt.AddMinutes(1));
    var rehearsal = new CallRehearsal(app, sendGrid, callJson, offers, progress);
    await rehearsal.RunAsync();
    await progress.StepAsync("Report", () =>
    {
        RehearsalReport.Write(options.ReportFolder, rehearsal.Result);
        return Task.FromResult($"{options.ReportFolder}/report.html, report.md, ranking.csv, emails/ ({rehearsal.Result.Emails.Count} emails)");
    });
    Console.WriteLine("Rehearsal passed: every step behaved.");
    return 0;
}
catch (RehearsalFailure failure)
{
    Console.Error.WriteLine($"{(options.Smoke is null ? "Rehearsal" : "Smoke test")} FAILED at \"{failure.Step}\": {failure.Why}");
    return 1;
}

static string RepositoryRoot()
{
    for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "HostingCalls.sln")))
        {
            return folder.FullName;
        }
    }

    for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "HostingCalls.sln")))
        {
            return folder.FullName;
        }
    }

    throw new InvalidOperationException("Run the rehearsal from inside the HostingCalls repository.");
}
