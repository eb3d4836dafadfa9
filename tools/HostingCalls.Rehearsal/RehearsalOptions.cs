namespace HostingCalls.Rehearsal;

/// <summary>What the command line asks for; <see cref="Smoke"/> when it asks for the HTTP smoke test.</summary>
public sealed record RehearsalOptions(string CallFile, string? OffersFile, string? Storage, string ReportFolder, SmokeTestOptions? Smoke)
{
    public const string Usage = """
        dotnet run --project tools/HostingCalls.Rehearsal [-- options]

          --call FILE       a call as POST /api/calls takes it (default: samples/unhabitat-2023-call.json)
          --offers FILE     the offers to submit (default: samples/unhabitat-2023-offers.json for the sample call,
                            otherwise offers made up for the call's meetings)
          --storage CONN    a storage connection string instead of an embedded Azurite
          --out FOLDER      where the report goes (default: rehearsal-report)

        The smoke test of a running app (after `func start` or `azd up`), with a throwaway call:
          --target URL      the app's address (http://localhost:7071, or azd's SERVICE_API_URI)
          --sign-in MODE    how the secretariat signs in: `development` (the X-HostingCalls-Caller header, for a
                            local `func start` with DevelopmentCaller__Enabled) or `entra` (an Entra access token
                            as Authorization: Bearer, for Azure). Default: development for localhost, else entra
          --client-id ID    entra: the app registration's client id (azd's AZURE_AUTH_CLIENT_ID); the token is the
                            Azure CLI's (`az login`) for api://ID/.default, unless HOSTINGCALLS_SECRETARIAT_TOKEN
                            holds one
          --key-vault NAME  the vault holding the secret TokenSigningKeys (azd's AZURE_KEY_VAULT_NAME), read with
                            the Azure CLI's sign-in; else the environment variable HOSTINGCALLS_SIGNING_KEYS
                            (kid:base64key;...), else, in development, MemberStateTokens__SigningKeys of
                            src/HostingCalls.Functions/local.settings.json. Focal points act with tokens signed
                            with it for the invitations the app made, as their emails would carry
          --email ADDRESS   where the focal points' invitations and receipts go: an inbox you read (required with
                            entra; default in development: smoke-test@hostingcalls.example)
        """;

    private static readonly string[] ValueOptions =
        ["--call", "--offers", "--storage", "--out", "--target", "--sign-in", "--client-id", "--key-vault", "--email"];

    public static RehearsalOptions Parse(string[] args, string root, Func<string, string?>? environment = null)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--help" or "-h")
            {
                throw new ArgumentException(Usage);
            }

            if (!ValueOptions.Contains(args[i], StringComparer.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Unknown or incomplete option '{args[i]}'.\n\n{Usage}");
            }

            values[args[i]] = args[++i];
        }

        var sampleCall = Path.Combine(root, "samples", "unhabitat-2023-call.json");
        var call = values.TryGetValue("--call", out var c) ? Path.GetFullPath(c) : sampleCall;
        var offers = values.TryGetValue("--offers", out var o) ? Path.GetFullPath(o)
            : call == sampleCall ? Path.Combine(root, "samples", "unhabitat-2023-offers.json") : null;
        var smoke = SmokeTestOptions.From(values, root, environment ?? Environment.GetEnvironmentVariable);
        return new RehearsalOptions(call, offers, values.GetValueOrDefault("--storage"),
            Path.GetFullPath(values.GetValueOrDefault("--out") ?? "rehearsal-report"), smoke);
    }
}
