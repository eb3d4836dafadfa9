using System.Text;
using System.Text.Json;

namespace HostingCalls.Functions.UnitTests.Access;

/// <summary>X-MS-CLIENT-PRINCIPAL values shaped as App Service Authentication sends them.</summary>
internal static class PrincipalHeaders
{
    public const string ObjectId = "0f8fad5b-d9cb-469f-a165-70867728950e";

    public const string RoleType = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";

    public const string ObjectIdType = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    public static string Encode(params (string Type, string Value)[] claims) => Base64(JsonSerializer.Serialize(new
    {
        auth_typ = "aad",
        name_typ = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
        role_typ = RoleType,
        claims = claims.Select(c => new { typ = c.Type, val = c.Value }),
    }));

    public static string Base64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
}
