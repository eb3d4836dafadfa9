using HostingCalls.Core.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace HostingCalls.Functions.Http.Api;

/// <summary>RFC 9457 problem documents for every refusal.</summary>
public static class Problems
{
    public const string ContentType = "application/problem+json; charset=utf-8";

    public static JsonResponse From(Rejection rejection, HttpRequest request)
    {
        var status = StatusOf(rejection.Kind);
        var problem = new ProblemDetails
        {
            Type = $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}",
            Title = Repeat(rejection.Title, MaxTextRepeated),
            Status = status,
            Detail = Repeat(rejection.Message, MaxTextRepeated),
            Instance = Repeat(request.Path.ToString(), MaxTextRepeated),
        };
        if (rejection.Errors.Count > 0)
        {
            // Field names come from the caller (an unknown property of 100,000 characters is still its own name).
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach (var (field, messages) in rejection.Errors)
            {
                var name = Repeat(field, MaxFieldRepeated);
                errors[name] = [.. errors.GetValueOrDefault(name, []), .. messages.Select(m => Repeat(m, MaxTextRepeated))];
            }

            problem.Extensions["errors"] = errors;
        }

        foreach (var (name, value) in rejection.Extensions)
        {
            problem.Extensions[name] = value;
        }

        return new JsonResponse(problem, status, ContentType);
    }

    /// <summary>How much of a field name a problem repeats: enough to find it, never the caller's whole payload.</summary>
    public const int MaxFieldRepeated = 64;

    /// <summary>How much of a message a problem repeats; messages are ours but may quote what was sent.</summary>
    public const int MaxTextRepeated = 1024;

    /// <summary>The text as sent, or its start and an ellipsis when longer than <paramref name="max"/> characters.</summary>
    public static string Repeat(string text, int max) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, char.IsHighSurrogate(text[max - 2]) ? max - 2 : max - 1), "…");

    /// <summary>For faults that are not the caller's: says only whether a retry may help.</summary>
    public static JsonResponse Fault(int status, string detail, HttpRequest request) =>
        new(new ProblemDetails
        {
            Type = $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}",
            Title = status == 503 ? "Temporarily unavailable." : "Unexpected error.",
            Status = status,
            Detail = detail,
            Instance = request.Path,
        }, status, ContentType);

    public static int StatusOf(RejectionKind kind) => kind switch
    {
        RejectionKind.Invalid => StatusCodes.Status400BadRequest,
        RejectionKind.Unauthenticated => StatusCodes.Status401Unauthorized,
        RejectionKind.Forbidden => StatusCodes.Status403Forbidden,
        RejectionKind.NotFound => StatusCodes.Status404NotFound,
        RejectionKind.Conflict => StatusCodes.Status409Conflict,
        RejectionKind.Stale => StatusCodes.Status412PreconditionFailed,
        RejectionKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        RejectionKind.UnsupportedContent => StatusCodes.Status415UnsupportedMediaType,
        RejectionKind.KeyReused => StatusCodes.Status422UnprocessableEntity,
        RejectionKind.PreconditionRequired => StatusCodes.Status428PreconditionRequired,
        RejectionKind.TooMany => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status400BadRequest,
    };
}
