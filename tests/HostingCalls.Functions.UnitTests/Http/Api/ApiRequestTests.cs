using System.Text;
using HostingCalls.Core.Common;
using HostingCalls.Core.Offers;
using HostingCalls.Functions.Http.Api;
using Microsoft.AspNetCore.Http;

namespace HostingCalls.Functions.UnitTests.Http.Api;

public class ApiRequestTests
{
    private static HttpRequest Request(string body, string? contentType = "application/json", long? declaredLength = null)
    {
        var context = new DefaultHttpContext();
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Request.Body = new MemoryStream(bytes);
        context.Request.ContentLength = declaredLength < 0 ? null : declaredLength ?? bytes.Length;
        context.Request.ContentType = contentType;
        return context.Request;
    }

    private static async Task<Rejection> Refused(HttpRequest request) =>
        await Assert.ThrowsAsync<Rejection>(() => ApiRequest.ReadJsonAsync<OfferInput>(request, default));

    [Fact]
    public async Task A_wrong_type_names_the_field_by_its_path()
    {
        var rejection = await Refused(Request("""{"venue":{"seats":"many"}}"""));
        Assert.Equal((RejectionKind.Invalid, "venue.seats"), (rejection.Kind, Assert.Single(rejection.Errors).Key));
        Assert.DoesNotContain("System.", rejection.Message);
    }

    [Fact]
    public async Task An_unknown_or_server_owned_field_is_named_and_refused()
    {
        var rejection = await Refused(Request("""{"meetingId":"EGM-1","status":"Selected"}"""));
        Assert.Equal("status", Assert.Single(rejection.Errors).Key);
        Assert.Contains("Not a field", rejection.Errors["status"][0]);
    }

    [Fact]
    public async Task Bodies_over_one_MiB_are_413_whether_declared_or_not()
    {
        Assert.Equal(RejectionKind.TooLarge, (await Refused(Request("{}", declaredLength: ApiRequest.MaxJsonBytes + 1))).Kind);
        Assert.Equal(RejectionKind.TooLarge, (await Refused(Request(new string(' ', (int)ApiRequest.MaxJsonBytes + 1) + "{}", declaredLength: -1))).Kind);
    }

    [Theory]
    [InlineData("", "body")]
    [InlineData("null", "body")]
    [InlineData("{\"city\":", "city")]
    public async Task Empty_null_and_truncated_bodies_are_400(string body, string field) =>
        Assert.Equal(field, Assert.Single((await Refused(Request(body))).Errors).Key);

    [Fact]
    public async Task Only_JSON_is_read() =>
        Assert.Equal(RejectionKind.UnsupportedContent, (await Refused(Request("{}", "text/html"))).Kind);

    [Theory]
    [InlineData("*")]
    [InlineData("W/\"a\", W/\"b\"")]
    [InlineData("\"0x8D000000000000\"")]
    [InlineData("W/\"datetime'garbage'\"")]
    [InlineData("\u0001")]
    public void If_Match_must_be_the_one_ETag_read(string value)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.IfMatch = value;
        Assert.Equal("If-Match", Assert.Single(Assert.Throws<Rejection>(() => ApiRequest.IfMatch(context.Request)).Errors).Key);
    }

    [Fact]
    public void An_ETag_as_storage_gave_it_is_passed_on()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.IfMatch = " W/\"datetime'2023-10-02T08%3A00%3A00.1234567Z'\" ";
        Assert.Equal("W/\"datetime'2023-10-02T08%3A00%3A00.1234567Z'\"", ApiRequest.IfMatch(context.Request));
    }
}
