using System.Security.Cryptography;
using HostingCalls.Functions.Storage;

namespace HostingCalls.IntegrationTests.Support;

/// <summary>
/// The 2023 call with six offers in five languages, closed and ranked, its emails going to a local SendGrid
/// stand-in. Recommended: France hosts EGM-1 (Germany reserve 1), Kenya RC-1, India RC-2; Japan's EGM-2 offer has
/// no official letter and is ineligible; Kenya's EGM-1 offer loses because Kenya hosts RC-1.
/// </summary>
public sealed class ResultsScenario : IAsyncDisposable
{
    public const string ScriptName = "<script>alert('x')</script> Wanjiru";
    public const string SecretariatEmail = "secretariat@unhabitat.example";
    public const string KenyanMission = "mission@kenya-un.example";

    private ResultsScenario(LocalApp app, SendGridCapture sendGrid, ECDsa webhookKey)
    {
        App = app;
        SendGrid = sendGrid;
        WebhookKey = webhookKey;
    }

    public LocalApp App { get; }

    public SendGridCapture SendGrid { get; }

    /// <summary>The private half of the Event Webhook key, to sign test events as SendGrid would.</summary>
    public ECDsa WebhookKey { get; }

    public string CallId { get; private set; } = "";

    /// <summary>
    /// The emails SendGrid accepted about this call (a timer also serves calls other tests left behind), but for the
    /// invitations that set it up (see <see cref="InvitationEmails"/>).
    /// </summary>
    public IReadOnlyList<CapturedEmail> Emails => [.. SendGrid.Accepted.Where(e => e.CallId == CallId && !IsInvitation(e.NotificationId))];

    public IReadOnlyList<CapturedEmail> InvitationEmails => [.. SendGrid.Accepted.Where(e => e.CallId == CallId && IsInvitation(e.NotificationId))];

    private static bool IsInvitation(string notificationId) => notificationId.EndsWith("-invitation-1", StringComparison.Ordinal);

    public Dictionary<string, string> Offers { get; } = [];

    public static readonly DateTimeOffset ResultsDate = DateTimeOffset.Parse("2023-11-30T09:00:00+03:00");

    public static async Task<ResultsScenario> StartAsync(string connectionString, int sendGridTimeoutSeconds = 30)
    {
        var sendGrid = await SendGridCapture.StartAsync();
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var app = await LocalApp.StartAsync(connectionString, new Dictionary<string, string?>
        {
            ["SendGrid:ApiKey"] = "SG.test-key",
            ["SendGrid:Host"] = sendGrid.Host,
            ["SendGrid:FromEmail"] = "hosting-calls@unhabitat.example",
            ["SendGrid:FromName"] = "UN-Habitat secretariat",
            ["SendGrid:ReplyToEmail"] = "replies@unhabitat.example",
            ["SendGrid:Categories"] = "hosting-calls, smart-cities",
            ["SendGrid:TimeoutSeconds"] = sendGridTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SendGrid:EventWebhookVerificationKey"] = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()),
            ["Notifications:SecretariatEmail"] = SecretariatEmail,
        });
        var scenario = new ResultsScenario(app, sendGrid, key);
        await scenario.SubmitAndRankAsync();
        return scenario;
    }

    private static Dictionary<string, object?> Offer(string meetingId, string city, string name, string language, string email, decimal cash = 25000m, string? dates = null)
    {
        var offer = SampleOffers.Kenya(meetingId)
            .With("city", city)
            .With("focalPoint", new Dictionary<string, object?> { ["name"] = name, ["email"] = email, ["language"] = language })
            .With("coverage", new Dictionary<string, object?> { ["venue"] = true, ["interpretation"] = true, ["catering"] = true, ["cashUsd"] = cash });
        return dates is null ? offer : offer.With("proposedDates", new Dictionary<string, object?> { ["start"] = dates, ["end"] = DateOnly.Parse(dates).AddDays(2).ToString("yyyy-MM-dd") });
    }

    private async Task SubmitAndRankAsync()
    {
        CallId = await App.OpenSampleCallAsync();
        // Emails go only to addresses the secretariat recorded: each state's focal point is invited with the address its offers carry.
        await App.InviteAsync(CallId, "KEN", "fp@mfa.go.ke", "fr", permanentMissionEmail: KenyanMission);
        await App.InviteAsync(CallId, "FRA", "fp@diplomatie.example", "ar");
        await App.InviteAsync(CallId, "DEU", "fp@auswaertiges-amt.example", "es");
        await App.InviteAsync(CallId, "IND", "fp@mea.example", "zh");
        await App.InviteAsync(CallId, "JPN", "fp@mofa.example", "ru");
        Offers["KEN EGM-1"] = await App.SubmitWithLetterAsync(CallId, Callers.Kenya, Offer("EGM-1", "Nairobi", ScriptName, "fr", "fp@mfa.go.ke"));
        Offers["KEN RC-1"] = await App.SubmitWithLetterAsync(CallId, Callers.Kenya, Offer("RC-1", "Mombasa", "Wanjiru Kamau", "fr", "fp@mfa.go.ke", dates: "2024-03-05"));
        Offers["FRA EGM-1"] = await App.SubmitWithLetterAsync(CallId, Callers.France, Offer("EGM-1", "Paris", "Amira Haddad", "ar", "fp@diplomatie.example", cash: 150000m));
        Offers["DEU EGM-1"] = await App.SubmitWithLetterAsync(CallId, "member-state DEU", Offer("EGM-1", "Bonn", "Jonas Weber", "es", "fp@auswaertiges-amt.example", cash: 0m));
        Offers["IND RC-2"] = await App.SubmitWithLetterAsync(CallId, Callers.India, Offer("RC-2", "New Delhi", "Priya Nair", "zh", "fp@mea.example", dates: "2024-07-10"));
        var japan = await App.SendAsync(LocalRequest.Post(Offer("EGM-2", "Tokyo", "Yuki Sato", "ru", "fp@mofa.example", dates: "2024-10-14")).As(Callers.Japan),
            r => App.Offers.SubmitOffer(r, CallId, default));
        Offers["JPN EGM-2"] = japan.Id;
        await App.CloseSampleCallsAsync();
    }

    /// <summary>The secretariat decides on the current ranking; returns the response.</summary>
    public async Task<LocalResponse> DecideAsync(object? overrides = null)
    {
        var call = await App.SendAsync(LocalRequest.Get().As(Callers.Secretariat), r => App.Calls.GetCall(r, CallId, default));
        var version = call.Json.GetProperty("ranking").GetProperty("version").GetInt32();
        return await App.SendAsync(LocalRequest.Post(new { rankingVersion = version, overrides = overrides ?? Array.Empty<object>() }).As(Callers.Secretariat).IfMatch(call.ETag!),
            r => App.Decisions.DecideCall(r, CallId, default));
    }

    /// <summary>Decides, empties the queue of the receipts, and releases the results at the results date.</summary>
    public async Task DecideAndReleaseAsync()
    {
        Assert.Equal(200, (await DecideAsync()).Status);
        await ClearQueuesAsync();
        App.Clock.SetUtcNow(ResultsDate);
        await App.ResultsTimer.ReleaseResults(new Microsoft.Azure.Functions.Worker.TimerInfo(), default);
    }

    public async Task ClearQueuesAsync()
    {
        await App.NotificationsQueue.ClearMessagesAsync();
        await App.PoisonQueue.ClearMessagesAsync();
    }

    /// <summary>This call's ledger, by notification id, but for the invitations' emails.</summary>
    public async Task<Dictionary<string, Azure.Data.Tables.TableEntity>> LedgerAsync()
    {
        var table = App.Storage.Tables.GetTableClient(StorageNames.OffersTable);
        var rows = new Dictionary<string, Azure.Data.Tables.TableEntity>();
        await foreach (var row in table.QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == CallId))
        {
            if (row.RowKey.StartsWith("notification|", StringComparison.Ordinal) && !IsInvitation(row.RowKey))
            {
                rows[row.RowKey["notification|".Length..]] = row;
            }
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await SendGrid.DisposeAsync();
        WebhookKey.Dispose();
    }
}
