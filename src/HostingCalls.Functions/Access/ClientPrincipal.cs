using System.Text;
using System.Text.Json;

namespace HostingCalls.Functions.Access;

/// <summary>
/// The caller App Service Authentication validated, as it hands it to the app in <see cref="Header"/>: base64 of
/// UTF-8 JSON <c>{"auth_typ", "name_typ", "role_typ", "claims": [{"typ", "val"}]}</c>, claim types after the
/// platform's default mapping (so the object id may come as the long URI).
/// </summary>
public sealed class ClientPrincipal
{
    public const string Header = "X-MS-CLIENT-PRINCIPAL";

    private const string ObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";
    private const string ShortObjectIdClaim = "oid";
    private const string RolesClaim = "roles";

    // Far above any real principal; a bound on what a forged or broken header can make us allocate.
    private const int MaxHeaderLength = 64 * 1024;

    private readonly IReadOnlyList<KeyValuePair<string, string>> claims;
    private readonly string? roleType;

    private ClientPrincipal(string? roleType, IReadOnlyList<KeyValuePair<string, string>> claims)
    {
        this.roleType = roleType;
        this.claims = claims;
    }

    /// <summary>App role values: claims typed as the principal's <c>role_typ</c>, or <c>roles</c>.</summary>
    public IEnumerable<string> Roles =>
        claims.Where(c => c.Key == RolesClaim || (roleType is not null && c.Key == roleType)).Select(c => c.Value);

    /// <summary>The Microsoft Entra object id, normalised to the lower-case GUID form; null if absent or not a GUID.</summary>
    public string? ObjectId =>
        Guid.TryParse(Claim(ObjectIdClaim) ?? Claim(ShortObjectIdClaim), out var id) ? id.ToString("D") : null;

    /// <summary>The first value of a claim type (ordinal match), or null.</summary>
    public string? Claim(string type) => claims.FirstOrDefault(c => c.Key == type).Value;

    /// <summary>The principal in a header value; null, never an exception, for anything malformed.</summary>
    public static ClientPrincipal? Parse(string? header)
    {
        if (string.IsNullOrEmpty(header) || header.Length > MaxHeaderLength)
        {
            return null;
        }

        var bytes = new byte[header.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(header, bytes, out var length))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes.AsMemory(0, length));
            return Read(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static ClientPrincipal? Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("claims", out var array)
            || array.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var claims = new List<KeyValuePair<string, string>>();
        foreach (var claim in array.EnumerateArray())
        {
            if (claim.ValueKind != JsonValueKind.Object
                || !claim.TryGetProperty("typ", out var type) || type.ValueKind != JsonValueKind.String
                || !claim.TryGetProperty("val", out var value) || value.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            claims.Add(new(type.GetString()!, value.GetString()!));
        }

        var roleType = root.TryGetProperty("role_typ", out var role) && role.ValueKind == JsonValueKind.String ? role.GetString() : null;
        return new ClientPrincipal(roleType, claims);
    }
}
