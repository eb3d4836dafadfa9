using System.Net;
using System.Text;
using System.Text.Json;
using HostingCalls.Functions.Access;

namespace HostingCalls.Rehearsal.Tests.Support;

/// <summary>
/// A test stand-in for App Service Authentication in front of the app (not a Functions host): it drops any
/// <c>X-MS-CLIENT-PRINCIPAL</c> a client sends, answers 401 to a bearer token it does not know, as Easy Auth does to
/// one that does not validate, and turns a known one into the principal header with that user's object id and app roles.
/// Requests without a bearer token pass anonymously.
/// </summary>
public sealed class EasyAuthStandIn(IReadOnlyDictionary<string, (string ObjectId, string[] Roles)> users) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove(ClientPrincipal.Header);
        if (request.Headers.Authorization is { Scheme: "Bearer", Parameter: { } token })
        {
            if (!users.TryGetValue(token, out var user))
            {
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Unauthorized) { RequestMessage = request, Content = new StringContent("") });
            }

            request.Headers.Add(ClientPrincipal.Header, Principal(user.ObjectId, user.Roles));
        }

        return base.SendAsync(request, cancellationToken);
    }

    private static string Principal(string objectId, string[] roles) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        auth_typ = "aad",
        name_typ = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
        role_typ = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
        claims = new[] { new { typ = "http://schemas.microsoft.com/identity/claims/objectidentifier", val = objectId } }
            .Concat(roles.Select(r => new { typ = "roles", val = r })),
    })));
}
