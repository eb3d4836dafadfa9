using System.Text.Json;
using System.Text.Json.Serialization;

namespace HostingCalls.Functions.Storage;

/// <summary>JSON of stored documents: lenient on read, so that a field added or dropped later does not break old rows.</summary>
public static class StorageJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },

        // Text as it is, not as \uXXXX (emoji and CJK Extension B included): escapes would take 6 to 12 characters a
        // letter and could pass the 64 KiB a table property holds. Never put into HTML, so nothing needs escaping.
        Encoder = StoredJsonEncoder.Instance,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidOperationException($"A stored {typeof(T).Name} is empty.");
}
