using Azure;
using HostingCalls.Core.Common;
using HostingCalls.Functions.Access;
using HostingCalls.Functions.Http.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;

namespace HostingCalls.Functions.UnitTests.Http.Api;

public class ApiEndpointTests
{
    private static readonly ApiEndpoint Endpoint = new(new CallerResolver(new DevelopmentCallerOptions(), new SecretariatSignInOptions()), NullLogger<ApiEndpoint>.Instance);

    private static async Task<int> StatusOf(Exception exception)
    {
        var result = await Endpoint.RunAsync(new DefaultHttpContext().Request, _ => throw exception);
        return ((JsonResponse)result).StatusCode;
    }

    [Fact]
    public async Task Storage_that_is_down_is_a_503_the_client_may_retry_and_a_bug_is_a_500()
    {
        Assert.Equal(503, await StatusOf(new RequestFailedException(503, "Server busy")));
        Assert.Equal(503, await StatusOf(new RequestFailedException("connection refused")));
        Assert.Equal(503, await StatusOf(new AggregateException(new RequestFailedException("refused"), new HttpRequestException("reset"))));
        Assert.Equal(500, await StatusOf(new RequestFailedException(400, "Bad request")));
        Assert.Equal(500, await StatusOf(new NullReferenceException()));
        Assert.Equal(404, await StatusOf(Rejection.NotFound("offer")));
    }

    [Fact]
    public async Task The_handler_gets_the_resolved_caller()
    {
        var result = await Endpoint.RunAsync(new DefaultHttpContext().Request, caller => Task.FromResult<IActionResult>(new JsonResponse(caller.Role.ToString(), 200)));
        Assert.Equal("Anonymous", ((JsonResponse)result).Body);
    }
}
