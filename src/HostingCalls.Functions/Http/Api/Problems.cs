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
            Title = rejection.Title,
            Status = status,
            Detail = rejection.Message,
            Instance = request.Path,
        };
        if (rejection.Errors.Count > 0)
        {
            problem.Extensions["errors"] = rejection.Errors;
        }

        foreach (var (name, value) in rejection.Extensions)
        {
            problem.Extensions[name] = value;
        }

        return new JsonResponse(problem, status, ContentType);
    }

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
        _ => StatusCodes.Status400BadRequest,
    };
}
