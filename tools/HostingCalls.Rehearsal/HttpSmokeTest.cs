using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HostingCalls.Rehearsal;

/// <summary>
/// The same first steps over HTTP against a running app (local <c>func start</c>, or Azure after <c>azd up</c>), with
/// a throwaway call that opens now and closes in an hour. Timers cannot be moved from outside, so closing, ranking
/// and results are left to the in-process rehearsal. Callers use the development header, so the app must have
/// DevelopmentCaller__Enabled (never in Azure: there, until sign-in lands, only the anonymous checks run).
/// </summary>
public sealed class HttpSmokeTest(Uri target, string callJson, PlannedOffer offer, Progress progress)
{
    public async Task RunAsync()
    {
        using var http = new HttpClient { BaseAddress = target, Timeout = TimeSpan.FromSeconds(60) };
        var now = DateTimeOffset.UtcNow;
        await progress.StepAsync("The app answers", async () =>
        {
            var open = await http.GetAsync("api/calls");
            await ExpectAsync(open, 200);
            return $"GET /api/calls: {(await open.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength()} open calls";
        });

        var call = JsonNode.Parse(callJson)!.AsObject();
        call["title"] = $"Smoke test {now:yyyy-MM-dd HH:mm:ss} UTC (throwaway)";
        call["opensAt"] = now.AddMinutes(-1);
        call["deadline"] = now.AddHours(1);
        call["resultsDate"] = now.AddDays(1);
        var callId = await progress.StepAsync("Create and open a throwaway call", async () =>
        {
            var created = await Send(http, HttpMethod.Post, "api/calls", "secretariat", call.ToJsonString());
            if (created.StatusCode == System.Net.HttpStatusCode.Unauthorized)
            {
                throw new InvalidOperationException("401: the app does not take the development caller (DevelopmentCaller__Enabled is off, as it must be in Azure).");
            }

            await ExpectAsync(created, 201);
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            var opened = await Send(http, HttpMethod.Post, $"api/calls/{id}/open", "secretariat", null, created.Headers.ETag?.Tag);
            await ExpectAsync(opened, 200);
            return (id, $"call {id}");
        });

        await progress.StepAsync("Submit, read and withdraw an offer", async () =>
        {
            var caller = $"member-state {offer.MemberState}";
            var submitted = await Send(http, HttpMethod.Post, $"api/calls/{callId}/offers", caller, offer.Json(), idempotencyKey: Guid.NewGuid().ToString());
            await ExpectAsync(submitted, 201);
            var offerId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            var stranger = offer.MemberState == "FRA" ? "member-state DEU" : "member-state FRA";
            await ExpectAsync(await Send(http, HttpMethod.Get, $"api/calls/{callId}/offers/{offerId}", stranger, null), 404);
            var own = await Send(http, HttpMethod.Get, $"api/calls/{callId}/offers/{offerId}", caller, null);
            await ExpectAsync(own, 200);
            await ExpectAsync(await Send(http, HttpMethod.Post, $"api/calls/{callId}/offers/{offerId}/withdraw", caller, null, own.Headers.ETag?.Tag), 200);
            return $"offer {offerId}: another state gets 404; withdrawn";
        });

    }

    private static async Task<HttpResponseMessage> Send(HttpClient http, HttpMethod method, string path, string caller, string? json, string? ifMatch = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-HostingCalls-Caller", caller);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await http.SendAsync(request);
    }

    private static async Task ExpectAsync(HttpResponseMessage response, int status)
    {
        if ((int)response.StatusCode != status)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {status}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
