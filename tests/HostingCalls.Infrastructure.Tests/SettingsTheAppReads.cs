using System.Reflection;
using System.Text.RegularExpressions;
using HostingCalls.Functions;

namespace HostingCalls.Infrastructure.Tests;

/// <summary>
/// Every setting name the app reads, found by reflection over the Functions assembly:
/// the string constants of <see cref="AppSettingNames"/> (nested classes included), every <c>%Name%</c> in a binding
/// attribute's string properties (timer schedules, queue names) and every binding <c>Connection</c>.
/// </summary>
internal static partial class SettingsTheAppReads
{
    /// <summary>Connection a storage binding uses when its <c>Connection</c> is not set.</summary>
    public const string DefaultStorageConnection = "AzureWebJobsStorage";

    private static readonly Lazy<IReadOnlySet<string>> LazyAll = new(() =>
        AppSettingConstants()
            .Concat(BindingExpressions(FunctionsAssembly))
            .Concat(Connections(FunctionsAssembly))
            .ToHashSet(StringComparer.Ordinal));

    private static readonly Lazy<IReadOnlySet<string>> LazyConnections = new(() =>
        Connections(FunctionsAssembly).ToHashSet(StringComparer.Ordinal));

    private static Assembly FunctionsAssembly => typeof(AppSettingNames).Assembly;

    /// <summary>All the names, in a stable order.</summary>
    public static IReadOnlySet<string> All => LazyAll.Value;

    /// <summary>The names used as a binding's <c>Connection</c>.</summary>
    public static IReadOnlySet<string> ConnectionNames => LazyConnections.Value;

    public static IEnumerable<string> AppSettingConstants()
    {
        var types = new Stack<Type>([typeof(AppSettingNames)]);
        while (types.TryPop(out var type))
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                if (field is { IsLiteral: true } && field.FieldType == typeof(string) && field.GetRawConstantValue() is string name)
                {
                    yield return name;
                }
            }

            foreach (var nested in type.GetNestedTypes(BindingFlags.Public))
            {
                types.Push(nested);
            }
        }
    }

    /// <summary><c>%Name%</c> placeholders in any string property of a binding attribute.</summary>
    public static IEnumerable<string> BindingExpressions(Assembly assembly) =>
        from attribute in BindingAttributes(assembly)
        from property in StringProperties(attribute)
        where property.Value is not null
        from Match match in Placeholder().Matches(property.Value!)
        select match.Groups["name"].Value;

    /// <summary>The <c>Connection</c> of every binding attribute that has one (the default when it is left empty).</summary>
    public static IEnumerable<string> Connections(Assembly assembly) =>
        from attribute in BindingAttributes(assembly)
        from property in StringProperties(attribute)
        where property.Name == "Connection"
        select string.IsNullOrEmpty(property.Value) ? DefaultStorageConnection : property.Value!;

    private static IEnumerable<Attribute> BindingAttributes(Assembly assembly)
    {
        const BindingFlags members = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance
            | BindingFlags.Static | BindingFlags.DeclaredOnly;

        foreach (var type in LoadableTypes(assembly))
        {
            foreach (var method in type.GetMethods(members))
            {
                foreach (var attribute in method.GetCustomAttributes(inherit: false).OfType<Attribute>())
                {
                    yield return attribute;
                }

                foreach (var parameter in method.GetParameters().Append(method.ReturnParameter))
                {
                    foreach (var attribute in parameter.GetCustomAttributes(inherit: false).OfType<Attribute>())
                    {
                        yield return attribute;
                    }
                }
            }

            // Output bindings on the properties of a multi-output return type.
            foreach (var property in type.GetProperties(members))
            {
                foreach (var attribute in property.GetCustomAttributes(inherit: false).OfType<Attribute>())
                {
                    yield return attribute;
                }
            }
        }
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }

    private static IEnumerable<(string Name, string? Value)> StringProperties(Attribute attribute)
    {
        var type = attribute.GetType();
        if (type.Namespace?.StartsWith("Microsoft.Azure.Functions.Worker", StringComparison.Ordinal) != true)
        {
            return [];
        }

        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(string) && p.CanRead && p.GetIndexParameters().Length == 0)
            .Select(p => (p.Name, (string?)p.GetValue(attribute)));
    }

    [GeneratedRegex("%(?<name>[^%]+)%")]
    private static partial Regex Placeholder();
}
