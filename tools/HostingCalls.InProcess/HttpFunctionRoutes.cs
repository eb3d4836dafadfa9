using System.Reflection;
using HostingCalls.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HostingCalls.InProcess;

/// <summary>
/// The app's HTTP functions as their attributes declare them (<c>[Function]</c> with an <c>[HttpTrigger]</c> route and
/// methods): what the OpenAPI document is checked against, and how a browser test finds the function for a URL.
/// </summary>
public static class HttpFunctionRoutes
{
    public const string RoutePrefix = "api/";

    public static IReadOnlyList<HttpFunctionRoute> All { get; } = Discover();

    /// <summary>The function for <paramref name="method"/> and a path under <c>/api/</c>, with its route values; null when none.</summary>
    public static (HttpFunctionRoute Route, Dictionary<string, string?> Values)? Match(string method, string path)
    {
        if (!path.StartsWith('/' + RoutePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var segments = path[(RoutePrefix.Length + 1)..].Split('/');
        foreach (var route in All.Where(r => r.Methods.Contains(method.ToUpperInvariant())).OrderByDescending(r => r.LiteralSegments))
        {
            if (route.TryMatch(segments) is { } values)
            {
                return (route, values);
            }
        }

        return null;
    }

    private static List<HttpFunctionRoute> Discover() =>
        [.. typeof(CallFunctions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .Select(m => (Method: m, Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null)))
            .Where(f => f.Trigger is not null)
            .Select(f => new HttpFunctionRoute(
                f.Method.GetCustomAttribute<FunctionAttribute>()!.Name,
                f.Trigger!.Route ?? throw new InvalidOperationException($"{f.Method.Name} has no route."),
                [.. (f.Trigger.Methods ?? []).Select(m => m.ToUpperInvariant())],
                f.Method))
            .OrderBy(r => r.Route, StringComparer.Ordinal)];
}

/// <summary>One HTTP function: its name, route template (without <c>api/</c>), methods and the method that runs it.</summary>
public sealed record HttpFunctionRoute(string Name, string Route, IReadOnlyList<string> Methods, MethodInfo Function)
{
    private string[] Template => Route.Split('/');

    public int LiteralSegments => Template.Count(s => !s.StartsWith('{'));

    /// <summary>The route's parameter names, as the function receives them.</summary>
    public IReadOnlyList<string> Parameters => [.. Template.Where(s => s.StartsWith('{')).Select(s => s.Trim('{', '}', '*'))];

    public Dictionary<string, string?>? TryMatch(string[] segments)
    {
        var template = Template;
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < template.Length; i++)
        {
            var part = template[i];
            if (part.StartsWith("{*", StringComparison.Ordinal))
            {
                values[part[2..^1]] = i < segments.Length ? Uri.UnescapeDataString(string.Join('/', segments[i..])) : null;
                return values;
            }

            if (i >= segments.Length || segments[i].Length == 0)
            {
                return null;
            }

            if (part.StartsWith('{'))
            {
                values[part[1..^1]] = Uri.UnescapeDataString(segments[i]);
            }
            else if (!string.Equals(part, segments[i], StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }

        return segments.Length == template.Length ? values : null;
    }

    /// <summary>Runs the function on the instance the app's services make, binding the request, route values and cancellation.</summary>
    public Task<IActionResult> InvokeAsync(IServiceProvider services, HttpRequest request, IReadOnlyDictionary<string, string?> values)
    {
        var target = services.GetService(Function.DeclaringType!) ?? throw new InvalidOperationException($"{Function.DeclaringType!.Name} is not registered.");
        var arguments = Function.GetParameters().Select(p =>
            p.ParameterType == typeof(HttpRequest) ? request
            : p.ParameterType == typeof(CancellationToken) ? CancellationToken.None
            : (object?)values.GetValueOrDefault(p.Name!)).ToArray();
        return (Task<IActionResult>)Function.Invoke(target, arguments)!;
    }
}
