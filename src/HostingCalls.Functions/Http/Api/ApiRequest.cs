using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using HostingCalls.Core.Common;
using Microsoft.AspNetCore.Http;

namespace HostingCalls.Functions.Http.Api;

/// <summary>Reads what a request carries, refusing anything malformed before a service sees it.</summary>
public static partial class ApiRequest
{
    public const long MaxJsonBytes = 1024 * 1024;

    public static async Task<T> ReadJsonAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > MaxJsonBytes)
        {
            throw TooLarge();
        }

        if (request.ContentType is { } contentType && !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new Rejection(RejectionKind.UnsupportedContent, "Unsupported media type.", "Send the body as application/json.");
        }

        var body = await ReadLimitedAsync(request.Body, MaxJsonBytes, cancellationToken);
        if (body.Length == 0)
        {
            throw Rejection.Invalid("body", "A JSON body is required.");
        }

        try
        {
            return JsonSerializer.Deserialize<T>(body, ApiJson.Options)
                ?? throw Rejection.Invalid("body", "A JSON object is required, not null.");
        }
        catch (JsonException exception)
        {
            var field = FieldOf(exception.Path);
            throw Rejection.Invalid(field, Explain(exception));
        }
    }

    /// <summary>The If-Match header, as sent. "*" would skip the check every update relies on, so it is refused.</summary>
    public static string? IfMatch(HttpRequest request)
    {
        var value = request.Headers.IfMatch.ToString();
        if (value.Length == 0)
        {
            return null;
        }

        if (value.Trim() == "*" || value.Contains(','))
        {
            throw Rejection.Invalid("If-Match", "Send the one ETag you read; \"*\" and lists are not accepted.");
        }

        // Every ETag this API gives out is a table entity's; storage answers anything else with a bare 400.
        if (!IssuedETag().IsMatch(value.Trim()))
        {
            throw Rejection.Invalid("If-Match", "Not an ETag this API gave out; send the ETag header of your last read, exactly as it came.");
        }

        return value.Trim();
    }

    [GeneratedRegex(@"^W/""datetime'\d{4}-\d{2}-\d{2}T\d{2}%3A\d{2}%3A\d{2}(\.\d{1,7})?Z'""$", RegexOptions.CultureInvariant)]
    private static partial Regex IssuedETag();

    public static string? IdempotencyKey(HttpRequest request) =>
        request.Headers["Idempotency-Key"] is [{ } key] ? key : request.Headers.ContainsKey("Idempotency-Key")
            ? throw Rejection.Invalid("Idempotency-Key", "Send one Idempotency-Key header.")
            : null;

    /// <summary>The raw body, at most <see cref="MaxJsonBytes"/> (413 beyond), for a caller that must see the exact bytes (a signature covers them).</summary>
    public static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken) =>
        request.ContentLength > MaxJsonBytes ? throw TooLarge() : await ReadLimitedAsync(request.Body, MaxJsonBytes, cancellationToken);

    /// <summary>A whole-number query parameter of at least 1, or null when absent.</summary>
    public static int? PositiveNumber(HttpRequest request, string name)
    {
        if (!request.Query.TryGetValue(name, out var values))
        {
            return null;
        }

        return values is [{ } text] && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1
            ? number
            : throw Rejection.Invalid(name, "A whole number from 1, given once.");
    }

    private static async Task<byte[]> ReadLimitedAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                throw TooLarge();
            }
        }

        return buffer.ToArray();
    }

    private static Rejection TooLarge() =>
        new(RejectionKind.TooLarge, "Request body too large.", $"A JSON body may be at most {MaxJsonBytes} bytes.");

    /// <summary>Says what is wrong in the caller's terms, without .NET type names.</summary>
    private static string Explain(JsonException exception)
    {
        var message = exception.Message.Split(" Path:", 2)[0];
        return message switch
        {
            _ when message.Contains("could not be mapped", StringComparison.Ordinal) =>
                "Not a field of this request; fields the server sets (id, status, version, score…) cannot be sent.",
            _ when message.Contains("uplicate", StringComparison.Ordinal) => "The same field is given twice.",
            _ when message.Contains("could not be converted", StringComparison.Ordinal) => "Wrong type or format for this field.",
            _ when message.StartsWith("Expected ", StringComparison.Ordinal) => message,
            _ => $"Malformed JSON: {message}",
        };
    }

    /// <summary>"$.venue.seats" → "venue.seats"; the root is "body".</summary>
    private static string FieldOf(string? path) =>
        path is null or "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}
