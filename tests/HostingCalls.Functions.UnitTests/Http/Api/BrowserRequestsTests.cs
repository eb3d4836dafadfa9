using HostingCalls.Core.Common;
using HostingCalls.Functions.Access;
using HostingCalls.Functions.Http.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;

namespace HostingCalls.Functions.UnitTests.Http.Api;

/// <summary>What a hostile page can make a signed-in browser send is refused before the handler runs.</summary>
public class BrowserRequestsTests
{
    private static readonly HttpSecurityOptions Allowing = new() { AllowedOrigins = "https://secretariat.example.org, https://admin.example.org:8443" };

    private static HttpRequest Request(string method, string? origin = null, string? site = null, string? contentType = "application/json", int body = 2)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Host = new HostString("func-hostingcalls.azurewebsites.net");
        context.Request.ContentType = contentType;
        context.Request.ContentLength = body;
        if (origin is not null)
        {
            context.Request.Headers.Origin = origin;
        }

        if (site is not null)
        {
            context.Request.Headers["Sec-Fetch-Site"] = site;
        }

        return context.Request;
    }

    private static RejectionKind? Refusal(HttpRequest request, IReadOnlyList<string>? accepted = null)
    {
        try
        {
            BrowserRequests.Check(request, Allowing, accepted ?? BrowserRequests.Json);
            return null;
        }
        catch (Rejection rejection)
        {
            return rejection.Kind;
        }
    }

    [Theory]
    [InlineData("https://func-hostingcalls.azurewebsites.net", null)]
    [InlineData("http://func-hostingcalls.azurewebsites.net", "same-origin")] // TLS ends in front of the app
    [InlineData("https://secretariat.example.org", "cross-site")]
    [InlineData("https://admin.example.org:8443", null)]
    [InlineData(null, "same-origin")]
    [InlineData(null, "none")]
    public void The_apps_own_pages_allowed_origins_and_clients_without_a_browser_may_send_changes(string? origin, string? site)
    {
        var allowedCrossSite = site == "cross-site";
        Assert.Equal(allowedCrossSite ? RejectionKind.Forbidden : null, Refusal(Request("POST", origin, site)));
    }

    [Theory]
    [InlineData("https://hostile.example")]
    [InlineData("https://func-hostingcalls.azurewebsites.net.hostile.example")]
    [InlineData("https://admin.example.org")] // the allowed one is on port 8443
    [InlineData("null")]
    [InlineData("https://a.example, https://b.example")]
    [InlineData("javascript:alert(1)")]
    public void Another_origin_is_refused(string origin)
    {
        Assert.Equal(RejectionKind.Forbidden, Refusal(Request("PUT", origin)));
    }

    [Fact]
    public void Reads_are_not_checked()
    {
        Assert.Null(Refusal(Request("GET", "https://hostile.example", "cross-site", "text/plain")));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/jsonp")]
    [InlineData("not a media type")]
    [InlineData(null)]
    public void A_body_a_form_could_send_or_of_no_type_is_415(string? contentType)
    {
        Assert.Equal(RejectionKind.UnsupportedContent, Refusal(Request("POST", contentType: contentType)));
    }

    [Fact]
    public void Json_with_a_charset_and_a_change_without_a_body_pass_and_attachments_take_their_file_types()
    {
        Assert.Null(Refusal(Request("POST", contentType: "application/json; charset=utf-8")));
        Assert.Null(Refusal(Request("POST", contentType: null, body: 0)));
        Assert.Null(Refusal(Request("POST", contentType: "application/pdf"), BrowserRequests.Files));
        Assert.Equal(RejectionKind.UnsupportedContent, Refusal(Request("POST", contentType: "application/pdf")));
        Assert.Equal(RejectionKind.UnsupportedContent, Refusal(Request("POST", contentType: "text/html"), BrowserRequests.Files));
    }

    [Fact]
    public async Task Every_answer_carries_nosniff_and_no_store_and_hsts_where_asked()
    {
        var endpoint = new ApiEndpoint(new CallerResolver(new DevelopmentCallerOptions(), new SecretariatSignInOptions()), NullLogger<ApiEndpoint>.Instance, new HttpSecurityOptions { Hsts = true });
        var request = Request("POST", "https://hostile.example");

        var result = await endpoint.RunAsync(request, _ => Task.FromResult<IActionResult>(new JsonResponse("never", 200)));

        Assert.Equal(403, ((JsonResponse)result).StatusCode);
        var headers = request.HttpContext.Response.Headers;
        Assert.Equal(("nosniff", "no-store"), (headers.XContentTypeOptions.ToString(), headers.CacheControl.ToString()));
        Assert.StartsWith("max-age=", headers.StrictTransportSecurity.ToString());
    }
}
