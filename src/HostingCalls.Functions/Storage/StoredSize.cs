using System.Text.Json;
using Azure.Data.Tables;
using HostingCalls.Core.Common;

namespace HostingCalls.Functions.Storage;

/// <summary>
/// The one check of a row's size as Azure Tables stores it (strings as UTF-16: 64 KiB a property, 1 MiB a row),
/// run before every write of user text, so that an oversized text is a 413 naming its fields, never a 500.
/// </summary>
public static class StoredSize
{
    public const int PropertyBytes = 64 * 1024;
    public const int EntityBytes = 1024 * 1024;

    /// <summary>Kept free in an offer at submit, so attachments and status moves can always still be stored.</summary>
    public const int OfferHeadroomBytes = 8 * 1024;

    private const int NamedFields = 3;

    public static TableEntity Checked(TableEntity entity, string what, int headroomBytes = 0)
    {
        long total = 4 + 2 * (entity.PartitionKey.Length + entity.RowKey.Length);
        string? oversized = null;
        foreach (var (name, value) in entity)
        {
            var bytes = value is string text ? 2L * text.Length : 16;
            total += 8 + 2L * name.Length + bytes;
            if (value is string && bytes > PropertyBytes - headroomBytes && oversized is null)
            {
                oversized = name;
            }
        }

        if (oversized is null && total <= EntityBytes - headroomBytes)
        {
            return entity;
        }

        var json = oversized is not null && entity[oversized] is string stored ? stored : null;
        var fields = json is null ? [] : LargestTexts(json);
        var message = $"Once stored, the {what} would exceed the {(PropertyBytes - headroomBytes) / 1024} KiB a stored record may hold; shorten the longest texts.";
        var errors = fields.Count == 0
            ? new Dictionary<string, string[]> { [what] = [message] }
            : fields.ToDictionary(field => field, _ => new[] { message });
        throw new Rejection(RejectionKind.TooLarge, $"The {what} is too large to store.", message, errors);
    }

    /// <summary>Paths (camelCase, dotted) of the longest texts in a stored document: the fields to shorten.</summary>
    private static List<string> LargestTexts(string json)
    {
        var found = new List<(string Path, int Length)>();
        try
        {
            using var document = JsonDocument.Parse(json);
            Walk(document.RootElement, "", found);
        }
        catch (JsonException)
        {
            return [];
        }

        return found.OrderByDescending(f => f.Length).Take(NamedFields).Select(f => f.Path).ToList();
    }

    private static void Walk(JsonElement element, string path, List<(string, int)> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", found);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{path}[{index++}]", found);
                }

                break;
            case JsonValueKind.String:
                found.Add((path, element.GetString()!.Length));
                break;
        }
    }
}
