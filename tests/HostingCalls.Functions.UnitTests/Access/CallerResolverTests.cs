using System.Text;
using HostingCalls.Core.Access;
using HostingCalls.Core.Common;
using HostingCalls.Core.Invitations;
using HostingCalls.Functions.Access;
using Microsoft.AspNetCore.Http;
using Moq;

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

    private static readonly TokenSigningKeys Keys = TokenSigningKeys.Parse(
        "k1:" + Convert.ToBase64String(Encoding.ASCII.GetBytes("resolver-test-key-resolver-test-1")), "keys");

    private static CallerResolver WithTokens(out MemberStateTokens tokens, out Mock<IInvitationStore> store)
    {
        tokens = new MemberStateTokens(Keys, TimeProvider.System);
        store = new Mock<IInvitationStore>(MockBehavior.Strict);
        return new CallerResolver(new DevelopmentCallerOptions { Enabled = true }, new SecretariatSignInOptions(), new FocalPointSignIn(tokens, store.Object, TimeProvider.System));
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("")]
    [InlineData("Bearer v1.k1.e30.AAAA")]
    public async Task An_invitation_token_that_does_not_verify_is_a_401_even_beside_the_development_header(string token)
    {
        var resolver = WithTokens(out _, out var store);
        var request = RequestAs("secretariat");
        request.Headers[CallerResolver.InvitationHeader] = token;

        var refused = await Assert.ThrowsAsync<Rejection>(() => resolver.ResolveAsync(request, default));

        Assert.Equal(RejectionKind.Unauthenticated, refused.Kind);
        store.VerifyNoOtherCalls(); // a token that does not verify never reaches storage
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer eyJ0eXAiOiJKV1QifQ.e30.sig")]
    public async Task An_Authorization_header_the_app_cannot_verify_is_refused_never_passed_over_for_the_development_header(string authorization)
    {
        var resolver = WithTokens(out _, out var store);
        var request = RequestAs("secretariat");
        request.Headers.Authorization = authorization;

        var refused = await Assert.ThrowsAsync<Rejection>(() => resolver.ResolveAsync(request, default));

        Assert.Equal(RejectionKind.Unauthenticated, refused.Kind);
        store.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_valid_token_of_an_active_invitation_makes_a_focal_point_bound_to_its_call()
    {
        var resolver = WithTokens(out var tokens, out var store);
        const string callId = "0190c0de00007000800000000000c411";
        const string invitationId = "0190c0de00007000800000000000aaaa";
        var invitation = new Invitation
        {
            Id = invitationId, CallId = callId, MemberState = "KEN", Email = "fp@ken.example", Language = "en", Status = InvitationStatus.Active,
            IssuedAt = DateTimeOffset.UtcNow, IssuedBy = "sec", ExpiresAt = DateTimeOffset.UtcNow.AddDays(1),
        };
        store.Setup(s => s.FindAsync(callId, invitationId, It.IsAny<CancellationToken>())).ReturnsAsync(new Stored<Invitation>(invitation, "etag"));
        var request = RequestAs("secretariat");
        request.Headers[CallerResolver.InvitationHeader] = tokens.Sign(new MemberStateToken(callId, "KEN", invitationId, invitation.ExpiresAt));

        var caller = await resolver.ResolveAsync(request, default);

        Assert.Equal((CallerRole.MemberState, "KEN", callId, $"invitation-{invitationId}"), (caller.Role, caller.MemberState, caller.CallId, caller.Id));
        Assert.False(caller.Reaches("0190c0de00007000800000000000dead"));
    }
}
