namespace HostingCalls.IntegrationTests.Support;

/// <summary>
/// The app with its emails going to a local SendGrid stand-in, so focal points can be invited and their tokens
/// taken from the invitation emails, as a focal point takes them from the link; staff may also sign in with Entra
/// tokens of a tenant stand-in the app is configured to trust.
/// </summary>
public sealed class InvitedFocalPoints : IAsyncDisposable
{
    private InvitedFocalPoints(LocalApp app, SendGridCapture sendGrid, EntraStandIn tenant)
    {
        App = app;
        SendGrid = sendGrid;
        Tenant = tenant;
    }

    public LocalApp App { get; }

    public EntraStandIn Tenant { get; }

    public SendGridCapture SendGrid { get; }

    public static async Task<InvitedFocalPoints> StartAsync(string connectionString, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var sendGrid = await SendGridCapture.StartAsync();
        var tenant = EntraStandIn.Start();
        var all = new Dictionary<string, string?>(tenant.Settings)
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
        return new InvitedFocalPoints(app, sendGrid, tenant);
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
        await Tenant.DisposeAsync();
    }
}

/// <summary>An invitation as created (the answer) and as received (the email), with the token of its link.</summary>
public sealed record Invited(string Id, string ETag, string Token, LocalResponse Answer, CapturedEmail Email);
