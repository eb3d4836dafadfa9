namespace HostingCalls.Rehearsal;

/// <summary>What the command line asks for.</summary>
public sealed record RehearsalOptions(string CallFile, string? OffersFile, string? Storage, string ReportFolder, Uri? Target)
{
    public const string Usage = """
        dotnet run --project tools/HostingCalls.Rehearsal [-- options]

          --call FILE       a call as POST /api/calls takes it (default: samples/unhabitat-2023-call.json)
          --offers FILE     the offers to submit (default: samples/unhabitat-2023-offers.json for the sample call,
                            otherwise offers made up for the call's meetings)
          --storage CONN    a storage connection string instead of an embedded Azurite
          --out FOLDER      where the report goes (default: rehearsal-report)
          --target URL      run the HTTP smoke test against a running app instead (local func or Azure)
        """;

    public static RehearsalOptions Parse(string[] args, string root)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--help" or "-h")
            {
                throw new ArgumentException(Usage);
            }

            if (args[i] is not ("--call" or "--offers" or "--storage" or "--out" or "--target") || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Unknown or incomplete option '{args[i]}'.\n\n{Usage}");
            }

            values[args[i]] = args[++i];
        }

        var sampleCall = Path.Combine(root, "samples", "unhabitat-2023-call.json");
        var call = values.TryGetValue("--call", out var c) ? Path.GetFullPath(c) : sampleCall;
        var offers = values.TryGetValue("--offers", out var o) ? Path.GetFullPath(o)
            : call == sampleCall ? Path.Combine(root, "samples", "unhabitat-2023-offers.json") : null;
        Uri? target = null;
        if (values.TryGetValue("--target", out var t) && !Uri.TryCreate(t, UriKind.Absolute, out target))
        {
            throw new ArgumentException($"--target must be an absolute URL such as http://localhost:7071, not '{t}'.");
        }

        return new RehearsalOptions(call, offers, values.GetValueOrDefault("--storage"),
            Path.GetFullPath(values.GetValueOrDefault("--out") ?? "rehearsal-report"), target);
    }
}
