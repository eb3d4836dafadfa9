using HostingCalls.Core.Access;
using HostingCalls.Functions.Access;
using Microsoft.AspNetCore.Http;

namespace HostingCalls.Functions.UnitTests.Access;

public class CallerResolverTests
{
    private static HttpRequest RequestAs(string? header)
    {
        var context = new DefaultHttpContext();
        if (header is not null)
        {
            context.Request.Headers[CallerResolver.DevelopmentHeader] = header;
        }

        return context.Request;
    }

    [Theory]
    [InlineData("secretariat", CallerRole.Secretariat, null)]
    [InlineData("secretariat FRA", CallerRole.Secretariat, null)]
    [InlineData("reviewer amina KEN", CallerRole.Reviewer, null)]
    [InlineData("reviewer Amina KEN", CallerRole.Anonymous, null)]
    [InlineData("reviewer amina", CallerRole.Anonymous, null)]
    [InlineData("member-state KEN", CallerRole.MemberState, "KEN")]
    [InlineData("member-state ken", CallerRole.Anonymous, null)]
    [InlineData("member-state XXX", CallerRole.Anonymous, null)]
    [InlineData("member-state", CallerRole.Anonymous, null)]
    [InlineData("Secretariat", CallerRole.Anonymous, null)]
    [InlineData(null, CallerRole.Anonymous, null)]
    public void The_development_header_names_the_caller_when_it_is_enabled(string? header, CallerRole role, string? memberState)
    {
        var caller = new CallerResolver(new DevelopmentCallerOptions { Enabled = true }, new SecretariatSignInOptions()).Resolve(RequestAs(header));
        Assert.Equal((role, memberState), (caller.Role, caller.MemberState));
    }

    [Fact]
    public void A_reviewer_has_a_nationality_but_no_Member_State_access()
    {
        var caller = new CallerResolver(new DevelopmentCallerOptions { Enabled = true }, new SecretariatSignInOptions()).Resolve(RequestAs("reviewer amina KEN"));
        Assert.Equal(("dev-reviewer-amina", "KEN", (string?)null), (caller.Id, caller.Nationality, caller.MemberState));
    }

    [Fact]
    public void When_it_is_off_nobody_is_known()
    {
        var caller = new CallerResolver(new DevelopmentCallerOptions { Enabled = false }, new SecretariatSignInOptions()).Resolve(RequestAs("secretariat"));
        Assert.Equal(CallerRole.Anonymous, caller.Role);
    }
}
