using System.Text.Json;
using HostingCalls.Core.Common;
using HostingCalls.Functions.Http.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace HostingCalls.Functions.UnitTests.Http.Api;

public class ProblemsTests
{
    [Theory]
    [InlineData(RejectionKind.Invalid, 400)]
    [InlineData(RejectionKind.Unauthenticated, 401)]
    [InlineData(RejectionKind.Forbidden, 403)]
    [InlineData(RejectionKind.NotFound, 404)]
    [InlineData(RejectionKind.Conflict, 409)]
    [InlineData(RejectionKind.Stale, 412)]
    [InlineData(RejectionKind.TooLarge, 413)]
    [InlineData(RejectionKind.UnsupportedContent, 415)]
    [InlineData(RejectionKind.KeyReused, 422)]
    [InlineData(RejectionKind.PreconditionRequired, 428)]
    public void Every_refusal_is_a_4xx(RejectionKind kind, int status) => Assert.Equal(status, Problems.StatusOf(kind));

    [Fact]
    public async Task A_problem_document_is_RFC_9457_with_the_fields_at_fault()
    {
        var context = new DefaultHttpContext();
        context.Request.Path = "/api/calls/x/offers";
        context.Response.Body = new MemoryStream();

        await Problems.From(Rejection.Invalid("venue.seats", "Required."), context.Request)
            .ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));

        var json = JsonDocument.Parse(((MemoryStream)context.Response.Body).ToArray()).RootElement;
        Assert.Equal(400, context.Response.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", context.Response.ContentType);
        Assert.Equal(400, json.GetProperty("status").GetInt32());
        Assert.Equal("/api/calls/x/offers", json.GetProperty("instance").GetString());
        Assert.Equal("Required.", json.GetProperty("errors").GetProperty("venue.seats")[0].GetString());
    }

    [Fact]
    public async Task A_problem_repeats_at_most_64_characters_of_a_field_name_the_caller_made_up()
    {
        var context = new DefaultHttpContext();
        context.Request.Path = "/api/calls/x/offers";
        context.Response.Body = new MemoryStream();
        var name = new string('x', 100_000);

        await Problems.From(Rejection.Invalid(name, "Not a field of this request."), context.Request)
            .ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));

        var body = ((MemoryStream)context.Response.Body).ToArray();
        var field = Assert.Single(JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateObject());
        Assert.Equal(new string('x', 63) + "…", field.Name);
        Assert.Equal("Not a field of this request.", field.Value[0].GetString());
        Assert.True(body.Length < 1_000, $"{body.Length} bytes");
    }

    [Theory]
    [InlineData("short", "short")]
    [InlineData("abcdefghi", "abcdefg…")]
    [InlineData("abcdef😀x", "abcdef…")] // never half an emoji
    public void Repeated_text_is_cut_with_an_ellipsis(string text, string repeated) => Assert.Equal(repeated, Problems.Repeat(text, 8));
}
