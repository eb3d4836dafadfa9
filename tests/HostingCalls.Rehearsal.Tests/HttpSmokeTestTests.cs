using System.Text.RegularExpressions;
using HostingCalls.Functions.Access;
using HostingCalls.Rehearsal.Tests.Support;
using Xunit.Abstractions;

namespace HostingCalls.Rehearsal.Tests;

/// <summary>
/// The smoke test driven against the real function classes on Azurite through an <see cref="HttpClient"/>: as against a
/// local <c>func start</c> (development caller), and as against Azure: the secretariat with an Entra token of a tenant
/// stand-in on loopback, which the app verifies itself, and focal points acting with minted invitation tokens.
/// </summary>
public sealed partial class HttpSmokeTestTests(SmokeTestAzurite azurite, ITestOutputHelper log) : IClassFixture<SmokeTestAzurite>, IAsyncLifetime
{
    private readonly EntraStandIn tenant = EntraStandIn.Start();
    private const string SecretariatObjectId = "6b0c7f4e-1d2a-4c55-9a0e-3f1b2c3d4e5f";
    private const string Email = "smoke-test@hostingcalls.example";
    private const int Steps = 14;

    private static readonly SigningKeysSource AppKeys =
        SigningKeysSource.Fixed("the app's keys", $"{LocalApp.LocalTokenKeyId}:{LocalApp.LocalTokenKey}");

    private Dictionary<string, string?> AsInAzure => new(tenant.Settings) { ["DevelopmentCaller:Enabled"] = "false" };

    // Minted once, as the smoke test asks once; long-lived because the test moves the app's clock to the results.
    private string EntraToken(params string[] roles) =>
        tenant.Token(roles, SecretariatObjectId, lifetime: TimeSpan.FromDays(400));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await tenant.DisposeAsync();

    [Fact]
    public async Task Passes_against_a_local_app_with_the_development_caller()
    {
        await using var app = await LocalApp.StartAsync(azurite.ConnectionString, now: DateTimeOffset.UtcNow);
        var handler = new LocalAppHandler(app);

        var (output, failure) = await RunAsync(app, handler, SecretariatSignIn.Development, AppKeys);

        Assert.Null(failure);
        Assert.Equal(Steps, OkLines().Matches(output).Count);
        var callId = CallOpened().Match(output).Groups[1].Value;
        var call = (await app.SendAsync(LocalRequest.Get().As(LocalApp.Secretariat), r => app.Calls.GetCall(r, callId, default))).Expect(200, "read the call");
        Assert.StartsWith("Smoke test ", call.Json.GetProperty("title").GetString());
        var invitations = (await app.SendAsync(LocalRequest.Get().As(LocalApp.Secretariat), r => app.Invitations.ListInvitations(r, callId, default))).Expect(200, "list invitations");
        Assert.Equal(["KEN Revoked", "FRA Revoked"], invitations.Json.EnumerateArray()
            .Select(i => $"{i.GetProperty("memberState").GetString()} {i.GetProperty("status").GetString()}").Order(StringComparer.Ordinal).Reverse());
        // Focal points act with their invitation tokens, never as development callers.
        Assert.All(handler.Requests.Where(r => r.Headers.ContainsKey(CallerResolver.InvitationHeader)),
            r => Assert.False(r.Headers.ContainsKey(CallerResolver.DevelopmentHeader)));
    }

    [Fact]
    public async Task Passes_against_the_app_as_in_Azure_with_an_Entra_token_and_minted_invitation_tokens()
    {
        await using var app = await LocalApp.StartAsync(azurite.ConnectionString, AsInAzure, DateTimeOffset.UtcNow);
        var handler = new LocalAppHandler(app);
        var token = EntraToken(CallerResolver.SecretariatRole);

        var (output, failure) = await RunAsync(app, handler, SecretariatSignIn.Bearer("a test token", _ => Task.FromResult(token)), AppKeys);

        Assert.Null(failure);
        Assert.Equal(Steps, OkLines().Matches(output).Count);
        Assert.Contains($"the app says Secretariat {SecretariatObjectId}", output);
        Assert.DoesNotContain(handler.Requests, r => r.Headers.ContainsKey(CallerResolver.DevelopmentHeader));
        Assert.Contains(handler.Requests, r => r.Method == "POST" && r.Path.EndsWith("/offers", StringComparison.Ordinal) && r.Headers.ContainsKey(CallerResolver.InvitationHeader));
        AssertNoSecretIn(output, token);
    }

    [Fact]
    public async Task Fails_at_the_focal_points_sign_in_when_the_signing_key_is_not_the_apps()
    {
        await using var app = await LocalApp.StartAsync(azurite.ConnectionString, AsInAzure, DateTimeOffset.UtcNow);
        var handler = new LocalAppHandler(app);
        var token = EntraToken(CallerResolver.SecretariatRole);
        var wrongKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(b => (byte)b).ToArray());

        var (output, failure) = await RunAsync(app, handler, SecretariatSignIn.Bearer("a test token", _ => Task.FromResult(token)),
            SigningKeysSource.Fixed("a key that is not the app's", $"old:{wrongKey}"));

        Assert.NotNull(failure);
        Assert.Equal("The focal point signs in with their invitation token", failure.Step);
        Assert.Contains("GET /api/me: expected 200, got 401 application/problem+json", failure.Message);
        Assert.Contains("Invitation token not accepted", failure.Message);
        Assert.Contains("key 'old'", failure.Message);
        Assert.DoesNotContain(wrongKey, output + failure.Message);
        AssertNoSecretIn(output + failure.Message, token);
    }

    [Fact]
    public async Task Fails_at_the_secretariats_sign_in_without_the_Secretariat_app_role()
    {
        await using var app = await LocalApp.StartAsync(azurite.ConnectionString, AsInAzure, DateTimeOffset.UtcNow);
        var handler = new LocalAppHandler(app);
        var token = EntraToken();

        var (_, failure) = await RunAsync(app, handler, SecretariatSignIn.Bearer("a test token", _ => Task.FromResult(token)), AppKeys);

        Assert.NotNull(failure);
        Assert.Equal("The secretariat signs in", failure.Step);
        Assert.Contains("signed in as SignedIn, not Secretariat: assign yourself the Secretariat app role", failure.Message);
    }

    private async Task<(string Output, RehearsalFailure? Failure)> RunAsync(LocalApp app, HttpMessageHandler handler, SecretariatSignIn secretariat, SigningKeysSource keys)
    {
        using var http = new HttpClient(handler) { BaseAddress = new Uri("http://localhost:7071/") };
        var output = new StringWriter();
        var offer = PlannedOffer.Load(Path.Combine(AppContext.BaseDirectory, "samples", "unhabitat-2023-offers.json"))[0];
        try
        {
            await new HttpSmokeTest(http, secretariat, keys, Email, LocalApp.SampleCallJson(), offer, new Progress(output), app.Clock).RunAsync();
            return (output.ToString(), null);
        }
        catch (RehearsalFailure failure)
        {
            return (output.ToString(), failure);
        }
        finally
        {
            log.WriteLine(output.ToString());
        }
    }

    /// <summary>Neither the secretariat's token, nor a signing key, nor any focal point's token is ever printed.</summary>
    private static void AssertNoSecretIn(string text, string entraToken)
    {
        Assert.DoesNotContain(entraToken, text);
        Assert.DoesNotContain(LocalApp.LocalTokenKey, text);
        Assert.DoesNotMatch(@"v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{20,}\.", text);
    }

    [GeneratedRegex(@"^\[\s*\d+\] .* \.\.\. ok \(", RegexOptions.Multiline)]
    private static partial Regex OkLines();

    [GeneratedRegex(@"call (\S+) open until")]
    private static partial Regex CallOpened();
}
