using System.Net.Http.Headers;
using Azure.Core;
using Azure.Identity;
using HostingCalls.Functions.Access;

namespace HostingCalls.Rehearsal;

/// <summary>
/// How the smoke test's secretariat requests are signed in: the development caller header, or an Entra access token
/// for the app registration's API sent as <c>Authorization: Bearer</c> (App Service Authentication validates it and
/// hands the app the caller with its app roles). The token is never printed.
/// </summary>
public sealed class SecretariatSignIn
{
    private readonly Func<CancellationToken, Task<string>>? _token;
    private string? _accessToken;

    private SecretariatSignIn(string description, Func<CancellationToken, Task<string>>? token)
    {
        Description = description;
        _token = token;
    }

    public string Description { get; }

    public static SecretariatSignIn Development { get; } =
        new($"the development header {CallerResolver.DevelopmentHeader}: secretariat", null);

    /// <summary>Bearer tokens from <paramref name="token"/>, asked for once when the test signs in.</summary>
    public static SecretariatSignIn Bearer(string description, Func<CancellationToken, Task<string>> token) => new(description, token);

    public static SecretariatSignIn For(SmokeTestOptions options, Func<string, string?> environment)
    {
        if (options.SignIn == SignInMode.Development)
        {
            return Development;
        }

        if (environment(SmokeTestOptions.SecretariatTokenVariable) is { Length: > 0 } given)
        {
            return Bearer($"the Entra token in {SmokeTestOptions.SecretariatTokenVariable}", _ => Task.FromResult(given.Trim()));
        }

        var scope = $"api://{options.ClientId}/.default";
        return Bearer($"an Entra token of the Azure CLI's sign-in for {scope}", async cancellationToken =>
        {
            try
            {
                return (await new AzureCliCredential().GetTokenAsync(new TokenRequestContext([scope]), cancellationToken)).Token;
            }
            catch (AuthenticationFailedException exception)
            {
                throw new InvalidOperationException(
                    $"The Azure CLI gave no token for {scope}: {exception.Message} Sign in with `az login`; the app registration must expose a scope and pre-authorize the Azure CLI, and you need its Secretariat app role (README, Smoke test a running app).",
                    exception);
            }
        });
    }

    /// <summary>Gets the access token, if this sign-in uses one.</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (_token is not null)
        {
            _accessToken = await _token(cancellationToken);
        }
    }

    public void Apply(HttpRequestMessage request)
    {
        if (_token is null)
        {
            request.Headers.Add(CallerResolver.DevelopmentHeader, "secretariat");
            return;
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer",
            _accessToken ?? throw new InvalidOperationException("The secretariat has not signed in yet."));
    }
}
