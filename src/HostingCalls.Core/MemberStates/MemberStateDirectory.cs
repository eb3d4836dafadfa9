using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HostingCalls.Core.MemberStates;

/// <summary>The 193 UN Member States and the regional groups, read from the data file shipped in this assembly.</summary>
public static class MemberStateDirectory
{
    private static readonly Lazy<Data> Loaded = new(Load);

    public static IReadOnlyCollection<MemberState> All => Loaded.Value.States.Values;

    /// <summary>Finds a state by its exact upper-case code; "fra" is not "FRA".</summary>
    public static MemberState? Find(string? code) =>
        code is not null && Loaded.Value.States.TryGetValue(code, out var state) ? state : null;

    public static string NameOf(RegionalGroup group) => Loaded.Value.GroupNames[group];

    private static Data Load()
    {
        using var stream = typeof(MemberStateDirectory).Assembly
            .GetManifestResourceStream("HostingCalls.Core.MemberStates.member-states.json")
            ?? throw new InvalidOperationException("The member-states.json resource is missing from HostingCalls.Core.");
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
        var file = JsonSerializer.Deserialize<FileShape>(stream, options)
            ?? throw new InvalidOperationException("member-states.json is empty.");
        return new Data(
            file.MemberStates.ToFrozenDictionary(s => s.Code, StringComparer.Ordinal),
            file.RegionalGroups.ToFrozenDictionary(g => g.Code, g => g.Name));
    }

    private sealed record Data(FrozenDictionary<string, MemberState> States, FrozenDictionary<RegionalGroup, string> GroupNames);

    private sealed record FileShape(IReadOnlyList<GroupShape> RegionalGroups, IReadOnlyList<MemberState> MemberStates);

    private sealed record GroupShape(RegionalGroup Code, string Name);
}
