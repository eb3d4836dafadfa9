using System.Collections.Concurrent;
using System.Net;

namespace HostingCalls.Rehearsal.Tests.Support;

/// <summary>
/// An <see cref="HttpClient"/> handler that answers every request with the app's own HTTP function for its route,
/// run in-process on Azurite (<see cref="LocalApp.DispatchAsync"/>): the smoke test's HTTP, without a Functions host.
/// </summary>
public sealed class LocalAppHandler(LocalApp app) : HttpMessageHandler
{
    /// <summary>Every request as it reached the app: method, path and headers.</summary>
    public ConcurrentQueue<(string Method, string Path, IReadOnlyDictionary<string, string> Headers)> Requests { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        Requests.Enqueue((request.Method.Method, uri.AbsolutePath, headers));
        var local = new LocalRequest(request.Method.Method, request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken),
            request.Content?.Headers.ContentType?.ToString())
        {
            Path = uri.AbsolutePath,
            Query = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=', 2))
                .ToDictionary(pair => Uri.UnescapeDataString(pair[0]), pair => pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : ""),
            Headers = headers,
        };
        var answer = await app.DispatchAsync(local);
        var response = new HttpResponseMessage((HttpStatusCode)answer.Status) { RequestMessage = request, Content = new ByteArrayContent(answer.Body) };
        foreach (var (name, value) in answer.Headers)
        {
            if (!response.Headers.TryAddWithoutValidation(name, value.ToArray()))
            {
                response.Content.Headers.TryAddWithoutValidation(name, value.ToArray());
            }
        }

        return response;
    }
}
