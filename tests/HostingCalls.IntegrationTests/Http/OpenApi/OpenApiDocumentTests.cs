using System.Text.Json;
using System.Text.Json.Nodes;
using HostingCalls.Functions.Portal;

namespace HostingCalls.IntegrationTests.Http.OpenApi;

/// <summary>
/// The OpenAPI document in the repo against the function classes: every HTTP function is in it with its route and
/// methods, and nothing else is; every body schema is what the C# type serializes to. Run with
/// HOSTINGCALLS_WRITE_OPENAPI_SCHEMAS=1 to rewrite the document's schemas from the types after changing a body.
/// </summary>
public sealed class OpenApiDocumentTests
{
    private static readonly string DocumentPath = Path.Combine(Azurite.RepositoryRoot(), "src", "HostingCalls.Functions", PortalFiles.OpenApiDocument);

    private static JsonObject Document => JsonNode.Parse(File.ReadAllText(DocumentPath))!.AsObject();

    /// <summary>"calls/{callId}" and "portal/{*path}" as the document writes them: "/calls/{callId}", "/portal/{path}".</summary>
    private static string PathOf(HttpFunctionRoute route) => "/" + route.Route.Replace("{*", "{", StringComparison.Ordinal);

    private static HashSet<string> FunctionOperations() =>
        [.. HttpFunctionRoutes.All.SelectMany(r => r.Methods.Select(m => $"{m} {PathOf(r)}"))];

    private static HashSet<string> DocumentOperations() =>
        [.. Document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => $"{o.Key.ToUpperInvariant()} {p.Key}"))];

    [Fact]
    public void Every_HTTP_function_is_in_the_document_with_its_route_and_method()
    {
        var missing = FunctionOperations().Except(DocumentOperations()).Order().ToList();

        Assert.True(missing.Count == 0, $"Functions missing from {DocumentPath}: {string.Join(", ", missing)}");
    }

    [Fact]
    public void The_document_has_no_operation_that_no_function_serves()
    {
        var extra = DocumentOperations().Except(FunctionOperations()).Order().ToList();

        Assert.True(extra.Count == 0, $"Operations in {DocumentPath} that no [Function] serves: {string.Join(", ", extra)}");
    }

    [Fact]
    public void Each_operation_is_named_after_its_function_and_declares_its_route_parameters()
    {
        var paths = Document["paths"]!.AsObject();
        var parameters = Document["components"]!["parameters"]!.AsObject();
        foreach (var route in HttpFunctionRoutes.All)
        {
            foreach (var method in route.Methods)
            {
                var operation = paths[PathOf(route)]?[method.ToLowerInvariant()];
                Assert.NotNull(operation);
                Assert.Equal(route.Name, operation["operationId"]!.GetValue<string>());
                var declared = operation["parameters"]?.AsArray()
                    .Select(p => p!["$ref"] is { } reference ? parameters[reference.GetValue<string>().Split('/')[^1]]! : p!)
                    .Where(p => p["in"]!.GetValue<string>() == "path")
                    .Select(p => p["name"]!.GetValue<string>())
                    .ToList() ?? [];
                Assert.Equal(route.Parameters.Order(), declared.Order());
            }
        }
    }

    [Fact]
    public void Every_operation_says_who_may_call_it_and_answers_errors_as_problem_documents()
    {
        var schemes = Document["components"]!["securitySchemes"]!.AsObject().Select(s => s.Key).ToHashSet();
        Assert.Superset(new HashSet<string> { "entraId", "easyAuthSession", "invitation", "developmentCaller" }, schemes);
        var responses = Document["components"]!["responses"]!.AsObject();
        foreach (var (path, item) in Document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var security = operation!["security"]?.AsArray();
                Assert.True(security is { Count: > 0 }, $"{method} {path} declares no security");
                Assert.All(security!.SelectMany(s => s!.AsObject().Select(e => e.Key)), name => Assert.Contains(name, schemes));
                foreach (var (status, response) in operation["responses"]!.AsObject().Where(r => r.Key[0] is '4' or '5'))
                {
                    var resolved = response!["$ref"] is { } reference ? responses[reference.GetValue<string>().Split('/')[^1]]! : response;
                    Assert.True(resolved["content"]?["application/problem+json"] is not null, $"{method} {path} {status} is not a problem document");
                }
            }
        }
    }

    [Fact]
    public void Every_body_schema_is_what_its_type_serializes_to()
    {
        var document = Document;
        var schemas = document["components"]!["schemas"]!.AsObject();
        var generated = OpenApiSchemas.Generate();
        if (Environment.GetEnvironmentVariable("HOSTINGCALLS_WRITE_OPENAPI_SCHEMAS") == "1")
        {
            var rewritten = new JsonObject();
            foreach (var name in OpenApiSchemas.HandWritten)
            {
                rewritten[name] = schemas[name]!.DeepClone();
            }

            foreach (var (name, schema) in generated)
            {
                rewritten[name] = schema!.DeepClone();
            }

            document["components"]!["schemas"] = rewritten;
            File.WriteAllText(DocumentPath, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
            schemas = rewritten;
        }

        Assert.Equal(generated.Select(s => s.Key).Concat(OpenApiSchemas.HandWritten).Order(), schemas.Select(s => s.Key).Order());
        foreach (var (name, schema) in generated)
        {
            Assert.True(JsonNode.DeepEquals(schema, schemas[name]), $"Schema {name} differs from its type; run this test with HOSTINGCALLS_WRITE_OPENAPI_SCHEMAS=1 to rewrite it.\nexpected {schema!.ToJsonString()}\nactual {schemas[name]?.ToJsonString()}");
        }
    }

    [Fact]
    public void Every_schema_reference_resolves()
    {
        var text = File.ReadAllText(DocumentPath);
        var document = Document;
        foreach (var reference in System.Text.RegularExpressions.Regex.Matches(text, "\"\\$ref\": \"#/([^\"]+)\"").Select(m => m.Groups[1].Value).Distinct())
        {
            JsonNode? node = document;
            foreach (var part in reference.Split('/'))
            {
                node = node?[part];
            }

            Assert.True(node is not null, $"#/{reference} does not resolve");
        }
    }
}
