namespace HostingCalls.IntegrationTests.Support;

/// <summary>
/// The app with its emails going to a local SendGrid stand-in, so focal points can be invited and their tokens
/// taken from the invitation emails, as a focal point takes them from the link.
/// </summary>
public sealed class InvitedFocalPoints : IAsyncDisposable
{
    private InvitedFocalPoints(LocalApp app, SendGridCapture sendGrid)
    {
        App = app;
        SendGrid = sendGrid;
    }

    public LocalApp App { get; }

    public SendGridCapture SendGrid { get; }

    public static async Task<InvitedFocalPoints> StartAsync(string connectionString, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var sendGrid = await SendGridCapture.StartAsync();
        var all = new Dictionary<string, string?>
        {
            ["SendGrid:ApiKey"] = "SG.test-key",
            ["SendGrid:Host"] = sendGrid.Host,
            ["SendGrid:FromEmail"] = "hosting-calls@unhabitat.example",
            ["Notifications:SecretariatEmail"] = "secretariat@unhabitat.example",
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>())
        {
            all[name] = value;
        }

        var app = await LocalApp.StartAsync(connectionString, all);
        return new InvitedFocalPoints(app, sendGrid);
    }

    /// <summary>Invites a focal point, sends the queued emails and returns the invitation and the token from its email.</summary>
    public async Task<Invited> InviteAsync(string callId, string memberState, string language = "en")
    {
        var invitation = await App.InviteAsync(callId, memberState, $"focal.point@{memberState.ToLowerInvariant()}.example", language, $"Focal point of {memberState}");
        await App.SendingPump.DrainAsync();
        var email = InvitationLinks.EmailOf(SendGrid, invitation.Id);
        return new Invited(invitation.Id, invitation.ETag!, InvitationLinks.TokenOf(email), invitation, email);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await SendGrid.DisposeAsync();
    }
}

/// <summary>An invitation as created (the answer) and as received (the email), with the token of its link.</summary>
public sealed record Invited(string Id, string ETag, string Token, LocalResponse Answer, CapturedEmail Email);
