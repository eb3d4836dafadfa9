using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HostingCalls.InProcess;

/// <summary>
/// A local HTTP endpoint standing in for the SendGrid API (<c>POST /v3/mail/send</c>): it records every request and
/// answers 202 with an X-Message-Id, or what the test planned (5xx, 429 with a reset, 400, a slow answer).
/// </summary>
public sealed class SendGridCapture : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Planned> _plan = new();
    private readonly ConcurrentQueue<CapturedEmail> _accepted = new();
    private int _requests;

    private SendGridCapture(WebApplication app) => _app = app;

    public string Host { get; private set; } = "";

    /// <summary>Emails answered with 202, in order.</summary>
    public IReadOnlyList<CapturedEmail> Accepted => [.. _accepted];

    /// <summary>Every request received, accepted or not.</summary>
    public int Requests => _requests;

    public static async Task<SendGridCapture> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var capture = new SendGridCapture(app);
        app.MapPost("/v3/mail/send", capture.HandleAsync);
        await app.StartAsync();
        capture.Host = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return capture;
    }

    /// <summary>The next requests get these answers, in order; then 202 again.</summary>
    public void Plan(params Planned[] answers)
    {
        foreach (var answer in answers)
        {
            _plan.Enqueue(answer);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var auth = context.Request.Headers.Authorization.ToString();
        if (_plan.TryDequeue(out var planned))
        {
            if (planned.Delay > TimeSpan.Zero)
            {
                await Task.Delay(planned.Delay);
            }

            if (planned.Status == 202)
            {
                _accepted.Enqueue(new CapturedEmail(body.RootElement.Clone(), auth));
            }

            context.Response.StatusCode = planned.Status;
            foreach (var (name, value) in planned.Headers ?? [])
            {
                context.Response.Headers[name] = value;
            }

            await context.Response.WriteAsync(planned.Body ?? "");
            return;
        }

        _accepted.Enqueue(new CapturedEmail(body.RootElement.Clone(), auth));
        context.Response.StatusCode = 202;
        context.Response.Headers["X-Message-Id"] = $"msg-{_accepted.Count}";
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed record Planned(int Status, string? Body = null, Dictionary<string, string>? Headers = null, TimeSpan Delay = default)
    {
        public static Planned Unavailable => new(503, """{"errors":[{"message":"service unavailable"}]}""");

        public static Planned BadRequest => new(400, """{"errors":[{"message":"The to email does not contain a valid address.","field":"personalizations.0.to"}]}""");

        public static Planned RateLimited(DateTimeOffset reset) =>
            new(429, """{"errors":[{"message":"too many requests"}]}""", new() { ["X-RateLimit-Reset"] = reset.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) });

        public static Planned Slow(TimeSpan delay) => new(202, Delay: delay);
    }
}

/// <summary>One email as SendGrid received it (the v3 mail/send JSON).</summary>
public sealed record CapturedEmail(JsonElement Body, string Authorization)
{
    private JsonElement Personalization => Body.GetProperty("personalizations")[0];

    public string To => Personalization.GetProperty("to")[0].GetProperty("email").GetString()!;

    public string? Cc => CcAll.FirstOrDefault();

    /// <summary>Every copy's address, in order.</summary>
    public IReadOnlyList<string> CcAll => Personalization.TryGetProperty("cc", out var cc) ? [.. cc.EnumerateArray().Select(c => c.GetProperty("email").GetString()!)] : [];

    /// <summary>Every address it went to: the addressee, then the copies.</summary>
    public IReadOnlyList<string> Recipients => [To, .. CcAll];

    public string Subject => Body.GetProperty("subject").GetString()!;

    public string Text => Content("text/plain");

    public string Html => Content("text/html");

    /// <summary>The SDK puts custom args on the personalization.</summary>
    public string NotificationId => Personalization.GetProperty("custom_args").GetProperty("notificationId").GetString()!;

    public string CallId => Personalization.GetProperty("custom_args").GetProperty("callId").GetString()!;

    public IReadOnlyList<string> Categories => [.. Body.GetProperty("categories").EnumerateArray().Select(c => c.GetString()!)];

    private string Content(string type) =>
        Body.GetProperty("content").EnumerateArray().Single(c => c.GetProperty("type").GetString() == type).GetProperty("value").GetString()!;
}
