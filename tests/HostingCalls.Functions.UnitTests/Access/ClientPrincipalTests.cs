using HostingCalls.Functions.Access;
using static HostingCalls.Functions.UnitTests.Access.PrincipalHeaders;

namespace HostingCalls.Functions.UnitTests.Access;

public class ClientPrincipalTests
{
    [Fact]
    public void Reads_roles_of_either_type_the_object_id_and_any_claim()
    {
        var principal = ClientPrincipal.Parse(Encode(
            (ObjectIdType, ObjectId.ToUpperInvariant()), (RoleType, "Secretariat"), ("roles", "Reviewer"), ("name", "Amina")));

        Assert.NotNull(principal);
        Assert.Equal(["Secretariat", "Reviewer"], principal.Roles);
        Assert.Equal(ObjectId, principal.ObjectId);
        Assert.Equal("Amina", principal.Claim("name"));
        Assert.Null(principal.Claim("ctry"));
    }

    [Fact]
    public void The_short_oid_claim_also_names_the_object()
    {
        Assert.Equal(ObjectId, ClientPrincipal.Parse(Encode(("oid", ObjectId)))?.ObjectId);
    }

    [Fact]
    public void An_object_id_that_is_not_a_guid_is_no_object_id()
    {
        Assert.Null(ClientPrincipal.Parse(Encode((ObjectIdType, "someone/else")))!.ObjectId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("e30")] // "{}" without its padding
    [InlineData("/w==")] // a lone 0xFF byte: not UTF-8
    public void Anything_but_base64_of_json_is_no_principal(string? header)
    {
        Assert.Null(ClientPrincipal.Parse(header));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"claims\":{}}")]
    [InlineData("{\"claims\":[{\"typ\":\"oid\"}]}")]
    [InlineData("{\"claims\":[{\"typ\":\"oid\",\"val\":1}]}")]
    [InlineData("{\"claims\":[\"oid\"]}")]
    public void Json_of_another_shape_is_no_principal(string json)
    {
        Assert.Null(ClientPrincipal.Parse(Base64(json)));
    }

    [Fact]
    public void A_huge_header_is_refused_before_it_is_decoded()
    {
        Assert.Null(ClientPrincipal.Parse(new string('A', 64 * 1024 + 4)));
    }
}
