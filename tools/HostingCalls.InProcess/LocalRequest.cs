using System.Text;
using System.Text.Json;
using HostingCalls.Core.Common;
using HostingCalls.Functions.Access;
using Microsoft.AspNetCore.Http;

namespace HostingCalls.InProcess;

/// <summary>A request as a client sends it: method, body, headers and who it claims to be (development scheme).</summary>
public sealed record LocalRequest(string Method, byte[] Body, string? ContentType)
{
    public Dictionary<string, string> Headers { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, string> Query { get; init; } = [];

    /// <summary>The request path; only problem documents and route dispatch read it.</summary>
    public string Path { get; init; } = "/api/test";

    public static LocalRequest Get() => new("GET", [], null);

    public static LocalRequest Delete() => new("DELETE", [], null);

    public static LocalRequest Post(object? json = null) => Json("POST", json);

    public static LocalRequest Put(object json) => Json("PUT", json);

    public static LocalRequest Raw(string method, string text, string contentType = "application/json") =>
        new(method, Encoding.UTF8.GetBytes(text), contentType);

    public static LocalRequest File(byte[] content) => new("POST", content, "application/octet-stream");

    private static LocalRequest Json(string method, object? json) =>
        json is null ? new(method, [], null) : new(method, JsonSerializer.SerializeToUtf8Bytes(json, json.GetType(), ApiJson.Options), "application/json");

    public LocalRequest As(string caller) => With(CallerResolver.DevelopmentHeader, caller);

    /// <summary>A focal point's invitation token, as the portal sends it.</summary>
    public LocalRequest Invited(string token) => With(CallerResolver.InvitationHeader, token);

    /// <summary>An attachment's name, in the header that carries it (percent-encoded, as the portal sends it).</summary>
    public LocalRequest FileNamed(string fileName) => With("X-HostingCalls-File-Name", Uri.EscapeDataString(fileName));

    /// <summary>A staff member's Entra token, as an API client sends it.</summary>
    public LocalRequest Bearer(string token) => With("Authorization", $"Bearer {token}");

    public LocalRequest IfMatch(string etag) => With("If-Match", etag);

    public LocalRequest With(string header, string value) => this with { Headers = new(Headers, StringComparer.OrdinalIgnoreCase) { [header] = value } };

    public LocalRequest WithQuery(string name, string value) => this with { Query = new(Query) { [name] = value } };

    public DefaultHttpContext ToHttpContext(IServiceProvider services)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        var request = context.Request;
        request.Method = Method;
        request.Scheme = "http";
        request.Host = new HostString("localhost");
        request.Path = Path;
        request.Body = new MemoryStream(Body);
        request.ContentLength = Body.Length;
        request.ContentType = ContentType;
        request.QueryString = QueryString.Create(Query.Select(q => new KeyValuePair<string, string?>(q.Key, q.Value)));
        foreach (var (name, value) in Headers)
        {
            request.Headers[name] = value;
        }

        context.Response.Body = new MemoryStream();
        return context;
    }
}
