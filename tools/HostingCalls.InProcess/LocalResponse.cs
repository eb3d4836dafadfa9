using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace HostingCalls.InProcess;

/// <summary>What a client gets back: status, headers and body.</summary>
public sealed record LocalResponse(int Status, IHeaderDictionary Headers, byte[] Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? ETag => Headers.ETag.ToString() is { Length: > 0 } etag ? etag : null;

    public string ContentType => Headers.ContentType.ToString();

    public string Text => System.Text.Encoding.UTF8.GetString(Body);

    /// <summary>The fields a problem document names as at fault.</summary>
    public IReadOnlyList<string> ProblemFields =>
        Json.TryGetProperty("errors", out var errors) ? [.. errors.EnumerateObject().Select(e => e.Name)] : [];

    public string Id => Json.GetProperty("id").GetString()!;

    /// <summary>This response, or an exception naming the step and what came back instead.</summary>
    public LocalResponse Expect(int status, string step) =>
        Status == status ? this : throw new InvalidOperationException($"Could not {step}: expected {status}, got {this}");

    public override string ToString() => $"{Status} {ContentType} {Text}";
}
