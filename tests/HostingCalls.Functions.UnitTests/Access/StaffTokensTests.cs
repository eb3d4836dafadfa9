using HostingCalls.Core.Access;
using HostingCalls.Core.Common;
using HostingCalls.Functions.Access;
using HostingCalls.InProcess;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace HostingCalls.Functions.UnitTests.Access;

/// <summary>
/// Staff tokens verified in the app against a tenant stand-in served on loopback (its metadata, its JWKS, RSA keys
/// made here): only a token of that tenant, for this app, signed with its key, within its lifetime, makes staff.
/// </summary>
public sealed class StaffTokensTests : IAsyncLifetime
{
    private const string ObjectId = "0f8fad5b-d9cb-469f-a165-70867728950e";

    private static readonly DateTimeOffset Now = new(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider clock = new(Now);
    private EntraStandIn tenant = null!;
    private CallerResolver resolver = null!;
    private SecretariatSignInOptions options = null!;

    public Task InitializeAsync()
    {
        tenant = EntraStandIn.Start();
        options = new SecretariatSignInOptions { TenantId = tenant.TenantId, ClientId = EntraStandIn.ClientId, Instance = tenant.Instance };
        resolver = ResolverWith(options);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await tenant.DisposeAsync();

    [Fact]
    public async Task A_secretariat_token_makes_the_secretariat_with_its_object_id_and_nationality()
    {
        var caller = await ResolveAsync(Bearer(tenant.Token(["Secretariat"], ObjectId, now: Now, claims: Nationality("KEN"))));

        Assert.Equal((CallerRole.Secretariat, ObjectId, "KEN"), (caller.Role, caller.Id, caller.Nationality));
    }

    [Fact]
    public async Task A_reviewer_token_makes_a_reviewer_who_may_score()
    {
        var caller = await ResolveAsync(Bearer(tenant.Token(["Reviewer"], ObjectId, now: Now, claims: Nationality("FRA"))));

        Assert.Equal((CallerRole.Reviewer, "FRA"), (caller.Role, caller.EnsureReviewer()));
    }

    [Theory]
    [InlineData("ken")]
    [InlineData("KE")] // Entra's ctry is alpha-2: not read as a nationality
    [InlineData("XXX")]
    public async Task A_nationality_the_directory_does_not_know_is_no_nationality(string code)
    {
        var caller = await ResolveAsync(Bearer(tenant.Token(["Secretariat"], now: Now, claims: Nationality(code))));

        Assert.Equal((CallerRole.Secretariat, (string?)null), (caller.Role, caller.Nationality));
    }

    [Fact]
    public async Task The_nationality_claim_is_the_one_the_setting_names()
    {
        var named = ResolverWith(new SecretariatSignInOptions { TenantId = tenant.TenantId, ClientId = EntraStandIn.ClientId, Instance = tenant.Instance, NationalityClaim = "extn.nationality" });
        var token = tenant.Token(["Secretariat"], now: Now, claims: new Dictionary<string, object> { ["nationality"] = "FRA", ["extn.nationality"] = "KEN" });

        Assert.Equal("KEN", (await named.ResolveAsync(Bearer(token), default)).Nationality);
    }

    [Fact]
    public async Task The_portals_id_token_from_the_token_store_is_verified_the_same_way()
    {
        var request = Request();
        request.Headers[CallerResolver.IdTokenHeader] = tenant.Token(["Secretariat"], ObjectId, now: Now);

        Assert.Equal(CallerRole.Secretariat, (await ResolveAsync(request)).Role);
    }

    [Fact]
    public async Task An_api_uri_audience_is_the_same_app()
    {
        var caller = await ResolveAsync(Bearer(tenant.Token(["Secretariat"], now: Now, audience: $"api://{EntraStandIn.ClientId}")));

        Assert.Equal(CallerRole.Secretariat, caller.Role);
    }

    [Theory]
    [InlineData("secretariat")] // app role values are case-sensitive
    [InlineData("Admin")]
    [InlineData(null)]
    public async Task A_verified_token_without_a_staff_role_is_someone_known_but_forbidden(string? role)
    {
        var caller = await ResolveAsync(Bearer(tenant.Token(role is null ? [] : [role], ObjectId, now: Now)));

        Assert.Equal((CallerRole.SignedIn, ObjectId), (caller.Role, caller.Id));
        Assert.Equal(RejectionKind.Forbidden, Assert.Throws<Rejection>(caller.EnsureSecretariat).Kind);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var token = tenant.Token(["Secretariat"], now: Now.AddHours(-2), lifetime: TimeSpan.FromHours(1));

        await AssertRefusedAsync(Bearer(token), "expired");
    }

    [Fact]
    public async Task A_token_not_valid_yet_is_refused()
    {
        await AssertRefusedAsync(Bearer(tenant.Token(["Secretariat"], now: Now.AddHours(1))), "expired or is not valid yet");
    }

    [Fact]
    public async Task A_token_of_another_tenant_is_refused()
    {
        var other = $"{tenant.Instance}{Guid.NewGuid():D}/v2.0";

        await AssertRefusedAsync(Bearer(tenant.Token(["Secretariat"], now: Now, issuer: other)), "another tenant");
    }

    [Fact]
    public async Task A_token_for_another_application_is_refused()
    {
        await AssertRefusedAsync(Bearer(tenant.Token(["Secretariat"], now: Now, audience: Guid.NewGuid().ToString("D"))), "another application");
    }

    [Fact]
    public async Task A_token_signed_by_a_key_the_tenant_does_not_publish_is_refused()
    {
        await AssertRefusedAsync(Bearer(tenant.Token(["Secretariat"], now: Now, key: EntraStandIn.NewKey())), "signature");
    }

    [Fact]
    public async Task A_stranger_key_with_the_tenants_key_id_is_refused()
    {
        var impostor = EntraStandIn.NewKey();
        impostor.KeyId = tenant.SigningKey.KeyId;

        await AssertRefusedAsync(Bearer(tenant.Token(["Secretariat"], now: Now, key: impostor)), "signature");
    }

    [Fact]
    public async Task An_unsigned_token_is_refused()
    {
        await AssertRefusedAsync(Bearer(tenant.UnsignedToken(["Secretariat"], Now)), null);
    }

    [Fact]
    public async Task An_hmac_token_keyed_with_the_tenants_public_key_is_refused()
    {
        await AssertRefusedAsync(Bearer(tenant.HmacTokenWithThePublicKey(["Secretariat"], Now)), null);
    }

    [Fact]
    public async Task A_token_without_an_object_id_is_refused()
    {
        var token = tenant.Token(["Secretariat"], now: Now, claims: new Dictionary<string, object> { ["oid"] = "not-a-guid" });

        await AssertRefusedAsync(Bearer(token), "object id");
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Basic c2VjcmV0YXJpYXQ6cGFzc3dvcmQ=")]
    [InlineData("Bearer not.a.token")]
    [InlineData("Bearer eyJhbGciOiJSUzI1NiJ9")]
    public async Task A_malformed_authorization_header_is_refused_not_ignored(string header)
    {
        var request = Request(development: "secretariat");
        request.Headers.Authorization = header;

        await AssertRefusedAsync(request, null);
    }

    [Fact]
    public async Task The_principal_header_alone_never_makes_staff()
    {
        var request = Request(development: "secretariat");
        request.Headers[CallerResolver.ClientPrincipalHeader] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(
            $$"""{"auth_typ":"aad","claims":[{"typ":"oid","val":"{{ObjectId}}"},{"typ":"roles","val":"Secretariat"}]}"""));

        await AssertRefusedAsync(request, "principal header alone");
    }

    [Fact]
    public async Task A_verified_token_wins_over_a_principal_header_and_the_development_header()
    {
        var request = Bearer(tenant.Token(["Reviewer"], ObjectId, now: Now, claims: Nationality("FRA")));
        request.Headers[CallerResolver.ClientPrincipalHeader] = "eyJjbGFpbXMiOltdfQ==";
        request.Headers[CallerResolver.DevelopmentHeader] = "secretariat";

        Assert.Equal((CallerRole.Reviewer, ObjectId), ((await ResolveAsync(request)).Role, (await ResolveAsync(request)).Id));
    }

    [Fact]
    public async Task Without_tenant_settings_no_token_makes_staff()
    {
        var unconfigured = ResolverWith(new SecretariatSignInOptions { Instance = tenant.Instance });

        var refusal = await Assert.ThrowsAsync<Rejection>(() => unconfigured.ResolveAsync(Bearer(tenant.Token(["Secretariat"], now: Now)), default));

        Assert.Equal(RejectionKind.Unauthenticated, refusal.Kind);
    }

    [Fact]
    public async Task The_tenants_keys_are_kept_between_requests()
    {
        for (var i = 0; i < 5; i++)
        {
            await ResolveAsync(Bearer(tenant.Token(["Secretariat"], now: Now)));
        }

        Assert.Equal(1, tenant.MetadataReads);
    }

    [Fact]
    public async Task When_the_tenant_rolls_its_keys_a_token_with_the_new_key_is_taken_after_one_read()
    {
        await ResolveAsync(Bearer(tenant.Token(["Secretariat"], now: Now)));
        tenant.RollKeys();
        clock.Advance(EntraSigningKeys.UnknownKeyRefreshAtMost);

        var caller = await ResolveAsync(Bearer(tenant.Token(["Secretariat"], now: Now)));

        Assert.Equal((CallerRole.Secretariat, 2), (caller.Role, tenant.MetadataReads));
    }

    [Fact]
    public async Task Tokens_with_made_up_key_ids_do_not_make_the_app_read_the_tenant_on_every_request()
    {
        await ResolveAsync(Bearer(tenant.Token(["Secretariat"], now: Now)));

        for (var i = 0; i < 20; i++)
        {
            await AssertRefusedAsync(Bearer(tenant.Token(["Secretariat"], now: Now, key: EntraStandIn.NewKey())), "signature");
        }

        Assert.Equal(1, tenant.MetadataReads);
    }

    [Fact]
    public async Task When_the_tenant_cannot_be_read_and_no_keys_are_kept_sign_in_is_unavailable_not_granted()
    {
        var unreachable = ResolverWith(options.WithInstance("http://127.0.0.1:9/"));

        await Assert.ThrowsAsync<SignInUnavailableException>(() => unreachable.ResolveAsync(Bearer(tenant.Token(["Secretariat"], now: Now)), default));
    }

    private CallerResolver ResolverWith(SecretariatSignInOptions signIn) =>
        new(new DevelopmentCallerOptions { Enabled = true }, signIn, staff: new StaffTokens(signIn, new EntraSigningKeys(signIn, new HttpClient(), clock), clock));

    private Task<Caller> ResolveAsync(HttpRequest request) => resolver.ResolveAsync(request, default);

    private async Task AssertRefusedAsync(HttpRequest request, string? because)
    {
        var refusal = await Assert.ThrowsAsync<Rejection>(() => ResolveAsync(request));
        Assert.Equal(RejectionKind.Unauthenticated, refusal.Kind);
        if (because is not null)
        {
            Assert.Contains(because, refusal.Message, StringComparison.Ordinal);
        }
    }

    private static Dictionary<string, object> Nationality(string code) => new() { ["nationality"] = code };

    private static HttpRequest Bearer(string token)
    {
        var request = Request();
        request.Headers.Authorization = $"Bearer {token}";
        return request;
    }

    private static HttpRequest Request(string? development = null)
    {
        var context = new DefaultHttpContext();
        if (development is not null)
        {
            context.Request.Headers[CallerResolver.DevelopmentHeader] = development;
        }

        return context.Request;
    }
}

internal static class SignInOptionsCopies
{
    public static SecretariatSignInOptions WithInstance(this SecretariatSignInOptions options, string instance) =>
        new() { TenantId = options.TenantId, ClientId = options.ClientId, Instance = instance, NationalityClaim = options.NationalityClaim };
}
