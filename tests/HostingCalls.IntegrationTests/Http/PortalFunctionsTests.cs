using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HostingCalls.Functions.Http.Api;
using HostingCalls.Functions.Portal;
using HostingCalls.IntegrationTests.Support;

namespace HostingCalls.IntegrationTests.Http;

/// <summary>The portal and the OpenAPI document as the app serves them, through their routes.</summary>
[Collection(nameof(AzuriteCollection))]
public sealed partial class PortalFunctionsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private LocalApp _app = null!;

    public async Task InitializeAsync() => _app = await LocalApp.StartAsync(azurite.ConnectionString);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<LocalResponse> Get(string path, string? ifNoneMatch = null) =>
        _app.DispatchAsync((ifNoneMatch is null ? LocalRequest.Get() : LocalRequest.Get().With("If-None-Match", ifNoneMatch)) with { Path = path });

    [Fact]
    public async Task The_OpenAPI_document_is_served_as_it_is_in_the_repo()
    {
        var served = await Get("/api/openapi.json");

        Assert.Equal(200, served.Status);
        Assert.StartsWith("application/json", served.ContentType);
        var repo = File.ReadAllText(Path.Combine(Azurite.RepositoryRoot(), "src", "HostingCalls.Functions", "openapi.json"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(repo), JsonNode.Parse(served.Text)));
        Assert.Equal("3.1.0", served.Json.GetProperty("openapi").GetString());
    }

    [Fact]
    public async Task The_start_page_is_served_with_a_strict_content_security_policy_and_revalidated_by_ETag()
    {
        var page = await Get("/api/portal/");
        var again = await Get("/api/portal/index.html", page.ETag);

        Assert.Equal(200, page.Status);
        Assert.StartsWith("text/html", page.ContentType);
        Assert.Equal(StaticFileResponse.ContentSecurityPolicy, page.Headers.ContentSecurityPolicy.ToString());
        Assert.Contains("script-src 'self'", StaticFileResponse.ContentSecurityPolicy);
        Assert.DoesNotContain("unsafe-inline", StaticFileResponse.ContentSecurityPolicy);
        Assert.Equal("nosniff", page.Headers.XContentTypeOptions.ToString());
        Assert.Equal("no-referrer", page.Headers["Referrer-Policy"].ToString());
        Assert.Equal(304, again.Status);
    }

    [Theory]
    [InlineData("/api/portal/../openapi.json")]
    [InlineData("/api/portal/js/missing.js")]
    [InlineData("/api/portal/%2e%2e/HostingCalls.Functions.dll")]
    public async Task Only_embedded_portal_files_are_served(string path)
    {
        var response = await Get(path);

        Assert.Equal(404, response.Status);
    }

    [Fact]
    public void No_page_carries_inline_script_style_or_event_handlers_and_nothing_loads_from_another_origin()
    {
        var files = new PortalFiles();
        foreach (var name in files.PortalNames.Where(n => n.EndsWith(".html", StringComparison.Ordinal) || n.EndsWith(".js", StringComparison.Ordinal)))
        {
            var text = System.Text.Encoding.UTF8.GetString(files.Find(name["portal/".Length..])!.Content);
            Assert.DoesNotMatch(InlineScript(), text);
            Assert.DoesNotMatch(InlineHandler(), text);
            Assert.DoesNotMatch(ExternalOrigin(), text);
            Assert.DoesNotMatch(MarkupFromText(), text);
        }
    }

    [Fact]
    public void Every_UN_language_has_every_string_of_the_English_one_with_the_same_placeholders()
    {
        var files = new PortalFiles();
        var english = Strings(files, "en");
        foreach (var language in (string[])["ar", "zh", "fr", "ru", "es"])
        {
            var strings = Strings(files, language);
            Assert.Equal(english.Keys.Order(), strings.Keys.Order());
            foreach (var (key, text) in english)
            {
                Assert.True(Placeholders(text).SetEquals(Placeholders(strings[key])), $"{language} {key}: placeholders differ");
                Assert.False(string.IsNullOrWhiteSpace(strings[key]), $"{language} {key} is empty");
            }
        }
    }

    private static Dictionary<string, string> Strings(PortalFiles files, string language)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(JsonNode node, string prefix)
        {
            foreach (var (name, value) in node.AsObject())
            {
                if (value is JsonObject) Walk(value, $"{prefix}{name}.");
                else result[prefix + name] = value!.GetValue<string>();
            }
        }

        Walk(JsonNode.Parse(files.Find($"i18n/{language}.json")!.Content)!, "");
        return result;
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<[^>]+\s(on[a-z]+|style)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();

    [GeneratedRegex(@"(src|href)\s*=\s*[""']?(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalOrigin();

    [GeneratedRegex(@"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function")]
    private static partial Regex MarkupFromText();

    [GeneratedRegex(@"\{\w+\}")]
    private static partial Regex Placeholder();
}
