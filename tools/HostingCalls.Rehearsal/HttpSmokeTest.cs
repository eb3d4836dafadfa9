using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HostingCalls.Functions.Access;

namespace HostingCalls.Rehearsal;

/// <summary>
/// The smoke test of a running app (local <c>func start</c>, or Azure after <c>azd up</c>) over HTTP, with a throwaway
/// call that opens now and takes offers for an hour. The secretariat signs in as <see cref="SecretariatSignIn"/> says;
/// focal points act with the tokens of invitations the app made, signed with its own keys, as their emails carry them.
/// Timers cannot be moved from outside, so closing, ranking and results are left to the in-process rehearsal.
/// Every step names what it sent and what came back when it fails; no token or key is ever printed.
/// </summary>
public sealed class HttpSmokeTest(
    HttpClient http, SecretariatSignIn secretariat, SigningKeysSource signingKeys, string email,
    string callJson, PlannedOffer offer, Progress progress, TimeProvider clock)
{
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        await progress.StepAsync("The app answers", async () =>
        {
            var open = await ExpectAsync(await SendAsync(HttpMethod.Get, "api/calls", null), 200);
            var contract = await ExpectAsync(await SendAsync(HttpMethod.Get, "api/openapi.json", null), 200);
            var version = (await ReadAsync(contract)).GetProperty("openapi").GetString();
            return $"GET /api/calls: {(await ReadAsync(open)).GetArrayLength()} open calls; GET /api/openapi.json: OpenAPI {version}";
        });

        await progress.StepAsync("The secretariat signs in", async () =>
        {
            await secretariat.PrepareAsync(cancellationToken);
            var me = await ReadAsync(await ExpectAsync(await SendAsync(HttpMethod.Get, "api/me", secretariat.Apply), 200,
                $"the sign-in with {secretariat.Description} was refused"));
            var role = me.GetProperty("role").GetString();
            return role == "Secretariat" ? $"{secretariat.Description}; the app says Secretariat {me.GetProperty("id").GetString()}"
                : throw new InvalidOperationException(role == "Anonymous"
                    ? $"GET /api/me with {secretariat.Description}: the app took the caller as Anonymous (development: is DevelopmentCaller__Enabled true? Azure: was the token issued for the app registration App Service Authentication checks?)."
                    : $"GET /api/me with {secretariat.Description}: signed in as {role}, not Secretariat: assign yourself the Secretariat app role and get a new token (README, Smoke test a running app).");
        });

        var tokens = await progress.StepAsync("Read the token signing key", async () =>
        {
            var minted = new FocalPointTokens(await signingKeys.ReadAsync(cancellationToken), clock);
            return (minted, $"key id {minted.SigningKeyId} from {signingKeys.Description}");
        });

        var now = clock.GetUtcNow();
        var callId = await progress.StepAsync("Create and open a throwaway call", async () =>
        {
            var call = JsonNode.Parse(callJson)!.AsObject();
            call["title"] = $"Smoke test {now:yyyy-MM-dd HH:mm:ss} UTC (throwaway: nothing to do)";
            call["opensAt"] = now.AddMinutes(-1);
            call["deadline"] = now.AddHours(1);
            call["resultsDate"] = now.AddDays(1);
            var created = await ExpectAsync(await SendAsync(HttpMethod.Post, "api/calls", secretariat.Apply, call.ToJsonString()), 201);
            var id = (await ReadAsync(created)).GetProperty("id").GetString()!;
            await ExpectAsync(await SendAsync(HttpMethod.Post, $"api/calls/{id}/open", IfMatch(secretariat.Apply, created)), 200);
            return (id, $"call {id} open until {now.AddHours(1):yyyy-MM-dd HH:mm} UTC");
        });

        var focalPoint = await progress.StepAsync($"Invite a focal point of {offer.MemberState}", () => InviteAsync(callId, offer.MemberState, tokens));

        await progress.StepAsync("The focal point signs in with their invitation token", async () =>
        {
            var me = await ReadAsync(await ExpectAsync(await SendAsync(HttpMethod.Get, "api/me", focalPoint.SignIn), 200,
                $"the token signed with key '{tokens.SigningKeyId}' ({signingKeys.Description}) was refused: is it the app's MemberStateTokens__SigningKeys?"));
            var (role, state, call) = (me.GetProperty("role").GetString(), me.GetProperty("memberState").GetString(), me.GetProperty("callId").GetString());
            return role == "MemberState" && state == offer.MemberState && call == callId
                ? $"the app says focal point of {state} on call {call}"
                : throw new InvalidOperationException($"GET /api/me: expected the focal point of {offer.MemberState} on call {callId}, got {me}");
        });

        var submitted = await progress.StepAsync("Submit an offer as the focal point (Idempotency-Key)", async () =>
        {
            var key = Guid.NewGuid().ToString();
            var first = await ExpectAsync(await SendAsync(HttpMethod.Post, $"api/calls/{callId}/offers", WithKey(focalPoint.SignIn, key), OfferJson()), 201);
            var id = (await ReadAsync(first)).GetProperty("id").GetString()!;
            var again = await ReadAsync(await ExpectAsync(await SendAsync(HttpMethod.Post, $"api/calls/{callId}/offers", WithKey(focalPoint.SignIn, key), OfferJson()), 200,
                "the same Idempotency-Key sent again must return the offer already stored"));
            return again.GetProperty("id").GetString() == id
                ? (id, $"offer {id} (201); the same key again: 200, the same offer")
                : throw new InvalidOperationException($"The same Idempotency-Key returned offer {again.GetProperty("id")} instead of {id}.");
        });

        var read = await progress.StepAsync("Read the offer", async () =>
        {
            var own = await ExpectAsync(await SendAsync(HttpMethod.Get, $"api/calls/{callId}/offers/{submitted}", focalPoint.SignIn), 200);
            return (own, $"status {(await ReadAsync(own)).GetProperty("status").GetString()}, ETag {own.Headers.ETag}");
        });

        var stranger = offer.MemberState == "FRA" ? "DEU" : "FRA";
        var other = await progress.StepAsync($"A focal point of {stranger} gets 404 on it", async () =>
        {
            var (invited, summary) = await InviteAsync(callId, stranger, tokens);
            await ExpectAsync(await SendAsync(HttpMethod.Get, $"api/calls/{callId}/offers/{submitted}", invited.SignIn), 404);
            return (invited, $"{summary}; GET the offer: 404");
        });

        var revised = await progress.StepAsync("Revise it with If-Match", async () =>
        {
            var changed = await ExpectAsync(await SendAsync(HttpMethod.Put, $"api/calls/{callId}/offers/{submitted}", IfMatch(focalPoint.SignIn, read), OfferJson(cashUsd: 12345m)), 200);
            await ExpectAsync(await SendAsync(HttpMethod.Put, $"api/calls/{callId}/offers/{submitted}", IfMatch(focalPoint.SignIn, read), OfferJson()), 412,
                "a revision with the ETag read before the last one must be refused");
            return (changed, $"status {(await ReadAsync(changed)).GetProperty("status").GetString()}; the stale ETag again: 412");
        });

        await progress.StepAsync("Withdraw it with If-Match", async () =>
        {
            var withdrawn = await ReadAsync(await ExpectAsync(await SendAsync(HttpMethod.Post, $"api/calls/{callId}/offers/{submitted}/withdraw", IfMatch(focalPoint.SignIn, revised)), 200));
            return withdrawn.GetProperty("status").GetString() == "Withdrawn" ? "status Withdrawn"
                : throw new InvalidOperationException($"Expected status Withdrawn, got {withdrawn.GetProperty("status")}.");
        });

        await progress.StepAsync("The secretariat sees counts, not offers, while the call is open", async () =>
        {
            var counts = await ReadAsync(await ExpectAsync(await SendAsync(HttpMethod.Get, $"api/calls/{callId}/offer-counts", secretariat.Apply), 200));
            var (active, withdrawn) = (counts.GetProperty("active").GetInt32(), counts.GetProperty("withdrawn").GetInt32());
            if ((active, withdrawn) != (0, 1))
            {
                throw new InvalidOperationException($"GET offer-counts: expected 0 active and 1 withdrawn, got {counts}");
            }

            await ExpectAsync(await SendAsync(HttpMethod.Get, $"api/calls/{callId}/offers", secretariat.Apply), 403, "offers are sealed until the call closes");
            return "offer-counts: 0 active, 1 withdrawn; GET offers: 403 (sealed)";
        });

        await progress.StepAsync("The call's audit trail verifies", async () =>
        {
            var verification = await ReadAsync(await ExpectAsync(await SendAsync(HttpMethod.Get, $"api/calls/{callId}/audit/verification", secretariat.Apply), 200));
            return verification.GetProperty("ok").GetBoolean()
                ? $"ok, {verification.GetProperty("count").GetInt64()} entries"
                : throw new InvalidOperationException($"GET audit/verification: the chain does not verify: {verification}");
        });

        await progress.StepAsync("Revoke the invitations", async () =>
        {
            foreach (var invited in new[] { focalPoint, other })
            {
                await ExpectAsync(await SendAsync(HttpMethod.Post, $"api/calls/{callId}/invitations/{invited.Id}/revoke", IfMatch(secretariat.Apply, invited.Answer)), 200);
            }

            await ExpectRefusedAsync(focalPoint);
            return "both revoked; the focal point's token now gets 401";
        });

        // The API has no way to cancel a call: it takes no offers after its deadline and the closing timer ranks it empty.
        progress.Note($"Call {callId} stays Open until {now.AddHours(1):yyyy-MM-dd HH:mm} UTC (the API cannot cancel a call); then the app closes it with no offer.");
    }

    /// <summary>The secretariat invites a focal point, and the token their email carries is made from the answer.</summary>
    private async Task<(FocalPoint, string)> InviteAsync(string callId, string memberState, FocalPointTokens tokens)
    {
        var body = new JsonObject { ["memberState"] = memberState, ["email"] = email, ["language"] = "en", ["name"] = "Smoke test focal point" };
        var answer = await ExpectAsync(await SendAsync(HttpMethod.Post, $"api/calls/{callId}/invitations", secretariat.Apply, body.ToJsonString()), 201);
        var invitation = await ReadAsync(answer);
        var token = tokens.For(callId, invitation);
        var id = invitation.GetProperty("id").GetString()!;
        return (new FocalPoint(id, answer, r => r.Headers.Add(CallerResolver.InvitationHeader, token)), $"invitation {id} to {email}");
    }

    /// <summary>A revocation reaches other instances within 30 seconds (FocalPointSignIn.StatusMemory): asks again until then.</summary>
    private async Task ExpectRefusedAsync(FocalPoint focalPoint)
    {
        for (var attempt = 1; ; attempt++)
        {
            var me = await SendAsync(HttpMethod.Get, "api/me", focalPoint.SignIn);
            if ((int)me.StatusCode == 401 || attempt == 18)
            {
                await ExpectAsync(me, 401, "a revoked invitation's token must be refused within 30 seconds");
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    /// <summary>The offer, its focal point's address replaced by the operator's: receipts are really sent in Azure.</summary>
    private string OfferJson(decimal? cashUsd = null)
    {
        var json = JsonNode.Parse(offer.Json(cashUsd))!.AsObject();
        json["focalPoint"]!["email"] = email;
        json.Remove("permanentMissionEmail");
        return json.ToJsonString();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, Action<HttpRequestMessage>? signIn, string? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        signIn?.Invoke(request);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await http.SendAsync(request);
    }

    private static Action<HttpRequestMessage> IfMatch(Action<HttpRequestMessage> signIn, HttpResponseMessage read) => request =>
    {
        signIn(request);
        request.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag?.ToString());
    };

    private static Action<HttpRequestMessage> WithKey(Action<HttpRequestMessage> signIn, string key) => request =>
    {
        signIn(request);
        request.Headers.Add("Idempotency-Key", key);
    };

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>The response, or a failure naming the request, the status and the problem document that came back.</summary>
    private static async Task<HttpResponseMessage> ExpectAsync(HttpResponseMessage response, int status, string? why = null)
    {
        if ((int)response.StatusCode == status)
        {
            return response;
        }

        var body = await response.Content.ReadAsStringAsync();
        var request = response.RequestMessage;
        throw new InvalidOperationException(
            $"{request?.Method} {request?.RequestUri?.AbsolutePath}: expected {status}, got {(int)response.StatusCode} {response.Content.Headers.ContentType} {(body.Length > 0 ? body : "(no body)")}{(why is null ? "" : $" ({why})")}");
    }

    /// <summary>An invited focal point: the invitation's id and answer (for its ETag), and how their requests are signed in.</summary>
    private sealed record FocalPoint(string Id, HttpResponseMessage Answer, Action<HttpRequestMessage> SignIn);
}
