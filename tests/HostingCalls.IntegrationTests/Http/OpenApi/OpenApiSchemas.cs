using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using HostingCalls.Core.Access;
using HostingCalls.Core.Audit;
using HostingCalls.Core.Calls;
using HostingCalls.Core.Decisions;
using HostingCalls.Core.Invitations;
using HostingCalls.Core.Judging;
using HostingCalls.Core.Notifications;
using HostingCalls.Core.Offers;
using HostingCalls.Core.Reviews;

namespace HostingCalls.IntegrationTests.Http.OpenApi;

/// <summary>
/// The JSON Schema (2020-12, as OpenAPI 3.1 uses) of each body the API reads or writes, made from the C# types the
/// way <see cref="Core.Common.ApiJson"/> serializes them: camelCase, enums by name, nulls left out.
/// </summary>
public static class OpenApiSchemas
{
    /// <summary>The bodies the document names; the types they reach are added under their own names.</summary>
    public static readonly Type[] Bodies =
    [
        typeof(CallInput), typeof(CallView), typeof(PublicCallView), typeof(WhatIfInput),
        typeof(OfferInput), typeof(OfferView), typeof(OfferCounts),
        typeof(ReviewInput), typeof(ReviewView),
        typeof(Ranking),
        typeof(DecisionInput), typeof(HostResponseInput), typeof(MeetingDecision),
        typeof(NotificationView),
        typeof(InvitationInput), typeof(InvitationView), typeof(ContactConfirmationInput), typeof(CallerView),
        typeof(AuditPage), typeof(AuditVerification),
    ];

    /// <summary>Schemas written by hand in the document, not made from a type.</summary>
    public static readonly string[] HandWritten = ["ProblemDetails"];

    public static JsonObject Generate()
    {
        var schemas = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);
        var pending = new Queue<Type>(Bodies);
        var seen = new Dictionary<string, Type>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var type))
        {
            if (seen.TryGetValue(type.Name, out var known))
            {
                if (known != type)
                {
                    throw new InvalidOperationException($"Two body types are named {type.Name}: {known.FullName} and {type.FullName}.");
                }

                continue;
            }

            seen[type.Name] = type;
            schemas[type.Name] = ObjectSchema(type, pending);
        }

        var result = new JsonObject();
        foreach (var (name, schema) in schemas)
        {
            result[name] = schema;
        }

        return result;
    }

    private static JsonObject ObjectSchema(Type type, Queue<Type> pending)
    {
        var nullability = new NullabilityInfoContext();
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var ignore = property.GetCustomAttribute<JsonIgnoreAttribute>()?.Condition;
            if (ignore == JsonIgnoreCondition.Always || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var nullable = Nullable.GetUnderlyingType(property.PropertyType) is not null
                || (!property.PropertyType.IsValueType && nullability.Create(property).ReadState != NullabilityState.NotNull);
            properties[name] = Schema(property.PropertyType, nullable, pending);
            if (!nullable || ignore == JsonIgnoreCondition.Never) // nulls are left out, unless the member says otherwise
            {
                required.Add(name);
            }
        }

        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (required.Count > 0)
        {
            schema["required"] = required;
        }

        schema["additionalProperties"] = false;
        return schema;
    }

    private static JsonNode Schema(Type type, bool nullable, Queue<Type> pending)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        JsonObject schema;
        if (Simple(type) is var (jsonType, format))
        {
            schema = new JsonObject { ["type"] = nullable ? new JsonArray(jsonType, "null") : jsonType };
            if (format is not null)
            {
                schema["format"] = format;
            }

            return schema;
        }

        if (type.IsEnum)
        {
            var names = new JsonArray([.. Enum.GetNames(type).Select(n => (JsonNode)n)]);
            if (nullable)
            {
                names.Add(null);
            }

            return new JsonObject { ["type"] = nullable ? new JsonArray("string", "null") : "string", ["enum"] = names };
        }

        if (Dictionary(type) is { } valueType)
        {
            schema = new JsonObject { ["type"] = nullable ? new JsonArray("object", "null") : "object", ["additionalProperties"] = Schema(valueType, false, pending) };
            return schema;
        }

        if (Element(type) is { } elementType)
        {
            return new JsonObject { ["type"] = nullable ? new JsonArray("array", "null") : "array", ["items"] = Schema(elementType, Nullable.GetUnderlyingType(elementType) is not null, pending) };
        }

        pending.Enqueue(type);
        var reference = new JsonObject { ["$ref"] = $"#/components/schemas/{type.Name}" };
        return nullable ? new JsonObject { ["anyOf"] = new JsonArray(reference, new JsonObject { ["type"] = "null" }) } : reference;
    }

    private static (string Type, string? Format)? Simple(Type type) =>
        type == typeof(string) ? ("string", null)
        : type == typeof(bool) ? ("boolean", null)
        : type == typeof(int) ? ("integer", "int32")
        : type == typeof(long) ? ("integer", "int64")
        : type == typeof(decimal) || type == typeof(double) ? ("number", null)
        : type == typeof(DateTimeOffset) ? ("string", "date-time")
        : type == typeof(DateOnly) ? ("string", "date")
        : type == typeof(TimeSpan) ? ("string", null)
        : null;

    private static Type? Dictionary(Type type) =>
        type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) && i.GetGenericArguments()[0] == typeof(string))
            ?.GetGenericArguments()[1];

    private static Type? Element(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ?.GetGenericArguments()[0];
}
