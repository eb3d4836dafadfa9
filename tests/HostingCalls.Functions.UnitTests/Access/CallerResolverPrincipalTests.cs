using HostingCalls.Core.Access;
using HostingCalls.Core.Common;
using HostingCalls.Functions.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static HostingCalls.Functions.UnitTests.Access.PrincipalHeaders;

namespace HostingCalls.Functions.UnitTests.Access;

/// <summary>The secretariat's Easy Auth principal, as <see cref="CallerResolver"/> reads it.</summary>
public class CallerResolverPrincipalTests
{
    private static readonly CallerResolver Trusting = new(
        new DevelopmentCallerOptions { Enabled = true }, new SecretariatSignInOptions { TrustClientPrincipal = true });

    private static HttpRequest Request(string? principal, string? development = null)
    {
        var context = new DefaultHttpContext();
        if (principal is not null)
        {
            context.Request.Headers[ClientPrincipal.Header] = principal;
        }

        if (development is not null)
        {
            context.Request.Headers[CallerResolver.DevelopmentHeader] = development;
        }

        return context.Request;
    }

    [Fact]
    public void A_secretariat_member_is_the_secretariat_with_the_object_id_and_nationality()
    {
        var caller = Trusting.Resolve(Request(Encode((ObjectIdType, ObjectId), (RoleType, "Secretariat"), ("nationality", "KEN"))));
        Assert.Equal((CallerRole.Secretariat, ObjectId, "KEN", (string?)null), (caller.Role, caller.Id, caller.Nationality, caller.MemberState));
    }

    [Fact]
    public void A_reviewer_is_a_reviewer_who_may_score()
    {
        var caller = Trusting.Resolve(Request(Encode(("oid", ObjectId), ("roles", "Reviewer"), ("nationality", "FRA"))));
        Assert.Equal((CallerRole.Reviewer, ObjectId, "FRA"), (caller.Role, caller.Id, caller.Nationality));
        Assert.Equal("FRA", caller.EnsureReviewer());
    }

    [Fact]
    public void A_reviewer_without_a_nationality_is_staff_but_may_not_score()
    {
        var caller = Trusting.Resolve(Request(Encode(("oid", ObjectId), (RoleType, "Reviewer"))));
        Assert.Equal((CallerRole.Reviewer, (string?)null), (caller.Role, caller.Nationality));
        caller.EnsureStaff();
        Assert.Equal(RejectionKind.Forbidden, Assert.Throws<Rejection>(() => caller.EnsureReviewer()).Kind);
    }

    [Fact]
    public void Both_roles_make_the_secretariat()
    {
        var caller = Trusting.Resolve(Request(Encode(("oid", ObjectId), ("roles", "Reviewer"), (RoleType, "Secretariat"))));
        Assert.Equal(CallerRole.Secretariat, caller.Role);
    }

    [Theory]
    [InlineData()]
    [InlineData("secretariat")] // app role values are case-sensitive
    [InlineData("Admin")]
    public void Someone_signed_in_without_a_role_is_known_but_forbidden(params string[] roles)
    {
        var caller = Trusting.Resolve(Request(Encode([("oid", ObjectId), .. roles.Select(r => (RoleType, r))])));
        Assert.Equal((CallerRole.SignedIn, ObjectId), (caller.Role, caller.Id));
        Assert.Equal(RejectionKind.Forbidden, Assert.Throws<Rejection>(caller.EnsureSecretariat).Kind);
    }

    [Theory]
    [InlineData("%%%")]
    [InlineData("bm90IGpzb24=")] // "not json"
    [InlineData("eyJjbGFpbXMiOltdfQ==")] // {"claims":[]}: no object id
    public void A_malformed_principal_is_anonymous_even_beside_a_development_header(string principal)
    {
        Assert.Equal(Caller.Anonymous, Trusting.Resolve(Request(principal, development: "secretariat")));
    }

    [Fact]
    public void A_principal_without_an_object_id_is_anonymous()
    {
        Assert.Equal(Caller.Anonymous, Trusting.Resolve(Request(Encode((RoleType, "Secretariat"), ("name", "Amina")))));
    }

    [Fact]
    public void A_trusted_principal_wins_over_the_development_header()
    {
        var caller = Trusting.Resolve(Request(Encode(("oid", ObjectId), ("roles", "Reviewer"), ("nationality", "FRA")), development: "secretariat"));
        Assert.Equal((CallerRole.Reviewer, ObjectId), (caller.Role, caller.Id));
    }

    [Fact]
    public void Without_a_principal_the_development_header_still_works()
    {
        Assert.Equal(CallerRole.Secretariat, Trusting.Resolve(Request(null, development: "secretariat")).Role);
    }

    [Theory]
    [InlineData("ken")]
    [InlineData("KE")] // Entra's ctry is alpha-2: not read as a nationality
    [InlineData("XXX")]
    [InlineData("")]
    public void A_nationality_the_directory_does_not_know_is_no_nationality(string code)
    {
        var caller = Trusting.Resolve(Request(Encode(("oid", ObjectId), ("roles", "Secretariat"), ("nationality", code))));
        Assert.Equal((CallerRole.Secretariat, (string?)null), (caller.Role, caller.Nationality));
    }

    [Fact]
    public void The_nationality_claim_is_the_one_the_setting_names()
    {
        var resolver = new CallerResolver(
            new DevelopmentCallerOptions(), new SecretariatSignInOptions { TrustClientPrincipal = true, NationalityClaim = "extn.nationality" });
        var caller = resolver.Resolve(Request(Encode(("oid", ObjectId), ("roles", "Secretariat"), ("nationality", "FRA"), ("extn.nationality", "KEN"))));
        Assert.Equal("KEN", caller.Nationality);
    }

    [Fact]
    public void An_untrusted_principal_is_ignored()
    {
        var resolver = ResolverFrom(new() { ["Secretariat:TrustClientPrincipal"] = "false", ["DevelopmentCaller:Enabled"] = "true" });

        Assert.Equal(Caller.Anonymous, resolver.Resolve(Request(Encode(("oid", ObjectId), ("roles", "Secretariat")))));
        Assert.Equal("dev-secretariat", resolver.Resolve(Request(Encode(("oid", ObjectId), ("roles", "Secretariat")), development: "secretariat")).Id);
    }

    [Fact]
    public void On_an_Azure_site_the_principal_is_trusted_whatever_the_setting_says()
    {
        var resolver = ResolverFrom(new() { ["Secretariat:TrustClientPrincipal"] = "false", ["WEBSITE_SITE_NAME"] = "func-hostingcalls-prod" });
        var caller = resolver.Resolve(Request(Encode(("oid", ObjectId), ("roles", "Secretariat"), ("nationality", "KEN"))));
        Assert.Equal((CallerRole.Secretariat, ObjectId, "KEN"), (caller.Role, caller.Id, caller.Nationality));
    }

    [Fact]
    public void The_setting_turns_trust_on_and_the_nationality_claim_defaults_to_nationality()
    {
        var resolver = ResolverFrom(new() { ["Secretariat:TrustClientPrincipal"] = "true" });
        var caller = resolver.Resolve(Request(Encode(("oid", ObjectId), ("roles", "Secretariat"), ("nationality", "KEN"))));
        Assert.Equal((CallerRole.Secretariat, "KEN"), (caller.Role, caller.Nationality));
    }

    private static CallerResolver ResolverFrom(Dictionary<string, string?> settings)
    {
        settings["HostingCallsStorage"] = "UseDevelopmentStorage=true";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddLogging().AddHostingCalls(configuration).BuildServiceProvider();
        return services.GetRequiredService<CallerResolver>();
    }
}
