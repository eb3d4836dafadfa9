using Azure;
using HostingCalls.Core.Access;
using HostingCalls.Core.Common;
using HostingCalls.Functions.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace HostingCalls.Functions.Http.Api;

/// <summary>
/// What every HTTP function shares: the security headers of every answer, the refusal of cross-site changes and
/// form bodies (<see cref="BrowserRequests"/>), who the caller is, and turning refusals and faults into problem
/// documents. A refusal is 4xx; storage being unreachable is a 503 the client may retry; anything else is logged and 500.
/// </summary>
public sealed partial class ApiEndpoint(CallerResolver callers, ILogger<ApiEndpoint> logger, HttpSecurityOptions? security = null)
{
    private readonly HttpSecurityOptions security = security ?? new HttpSecurityOptions();

    /// <param name="accepts">The body types a change may carry: JSON unless the function takes files.</param>
    public async Task<IActionResult> RunAsync(HttpRequest request, Func<Caller, Task<IActionResult>> handle, IReadOnlyList<string>? accepts = null)
    {
        var headers = request.HttpContext.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        if (security.Hsts)
        {
            headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
        }

        try
        {
            BrowserRequests.Check(request, security, accepts ?? BrowserRequests.Json);
            return await handle(await callers.ResolveAsync(request, request.HttpContext.RequestAborted));
        }
        catch (SignInUnavailableException exception)
        {
            LogSignInUnavailable(logger, exception, request.Method, request.Path);
            return Problems.Fault(StatusCodes.Status503ServiceUnavailable, "Staff sign-in cannot be checked for a moment (the tenant's keys cannot be read). Retry shortly.", request);
        }
        catch (Rejection rejection)
        {
            return Problems.From(rejection, request);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problems.From(new Rejection(RejectionKind.TooLarge, "Request body too large.", exception.Message), request);
        }
        catch (Exception exception) when (IsStorageFault(exception))
        {
            LogStorageFault(logger, exception, request.Method, request.Path);
            return Problems.Fault(StatusCodes.Status503ServiceUnavailable, "Storage is unavailable for a moment; nothing was changed that you cannot retry. Retry the same request.", request);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogUnexpected(logger, exception, request.Method, request.Path);
            return Problems.Fault(StatusCodes.Status500InternalServerError, "The request failed unexpectedly; the error was logged.", request);
        }
    }

    /// <summary>Storage down or failing: the SDK's own retries are spent (it wraps their failures in an AggregateException).</summary>
    private static bool IsStorageFault(Exception exception) => exception switch
    {
        RequestFailedException failed => failed.Status is 0 or >= 500,
        HttpRequestException or TimeoutException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsStorageFault),
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Entra signing keys unavailable on {Method} {Path}")]
    private static partial void LogSignInUnavailable(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage fault on {Method} {Path}")]
    private static partial void LogStorageFault(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure on {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string path);
}
