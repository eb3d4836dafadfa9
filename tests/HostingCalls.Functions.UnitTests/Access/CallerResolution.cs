using HostingCalls.Core.Access;
using HostingCalls.Functions.Access;
using Microsoft.AspNetCore.Http;

namespace HostingCalls.Functions.UnitTests.Access;

internal static class CallerResolution
{
    /// <summary>The caller of a request without a bearer token, which is resolved without reading storage.</summary>
    public static Caller Resolve(this CallerResolver resolver, HttpRequest request)
    {
        var resolving = resolver.ResolveAsync(request, CancellationToken.None);
        return resolving.IsCompleted
            ? resolving.GetAwaiter().GetResult()
            : throw new InvalidOperationException("Resolving this request reads storage; await ResolveAsync instead.");
    }
}
