using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using HostingCalls.Functions.Http.Api;
using HostingCalls.IntegrationTests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Xunit.Abstractions;

namespace HostingCalls.IntegrationTests.Reliability;

/// <summary>
/// Hostile requests to every HTTP function (found by reflection, so a new one cannot be left out): malformed,
/// truncated and mistyped JSON, huge strings and bodies, bad and lower-case codes, control characters and
/// <c>/ \ # ?</c> in ids, other states' ids, server-owned fields, path traversal and lying content in attachments.
/// Every one must be a 4xx problem document that leaves storage exactly as it was. Script typed as text is
/// accepted as text, and every email shows it encoded.
/// </summary>
[Collection(nameof(AzuriteCollection))]
[Trait("Category", "Reliability")]
public sealed class HostileInputTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private const string Script = "<script>alert(1)</script><b onmouseover=x>";
    private static readonly string[] HostileIds =
        ["../x", "a/b", @"a\b", "x#y", "x?y=1", "%2e%2e%2f", "\u0007bell", "tab\there", "", " ", new string('9', 400), "KEN", "<script>"];

    private ResultsScenario _ranked = null!;
    private readonly Dictionary<string, string> _ids = [];

    private LocalApp App => _ranked.App;

    public async Task InitializeAsync()
    {
        // A ranked call (the clock is after its deadline) and, on a clock of their own, an open and a draft call.
        _ranked = await ResultsScenario.StartAsync(azurite.ConnectionString);
        _ids["ranked"] = _ranked.CallId;
        _ids["rankedOffer"] = _ranked.Offers["FRA EGM-1"];
        var call = await App.SendAsync(LocalRequest.Get().As(Callers.Secretariat), r => App.Calls.GetCall(r, _ranked.CallId, default));
        _ids["rankedEtag"] = call.ETag!;
        _ids["rankedOfferEtag"] = (await App.SendAsync(LocalRequest.Get().As(Callers.Secretariat), r => App.Offers.GetOffer(r, _ranked.CallId, _ids["rankedOffer"], default))).ETag!;
        var notifications = await App.SendAsync(LocalRequest.Get().As(Callers.Secretariat), r => App.Notifications.ListNotifications(r, _ranked.CallId, default));
        var notification = notifications.Json.EnumerateArray().First();
        (_ids["notification"], _ids["notificationEtag"]) = (notification.GetProperty("id").GetString()!, notification.GetProperty("etag").GetString()!);

        using (App.RequestClock.At(LocalApp.DuringTheCall))
        {
            _ids["open"] = await App.OpenSampleCallAsync();
            // Emails about Kenya's offers go to the address the secretariat recorded for it.
            await App.InviteAsync(_ids["open"], "KEN", "focal.point@mfa.go.ke");
            _ids["offer"] = await App.SubmitWithLetterAsync(_ids["open"], Callers.Kenya, SampleOffers.Kenya());
            _ids["otherOffer"] = await App.SubmitWithLetterAsync(_ids["open"], Callers.France, SampleOffers.Kenya().With("city", "Paris"));
            var offer = await App.SendAsync(LocalRequest.Get().As(Callers.Kenya), r => App.Offers.GetOffer(r, _ids["open"], _ids["offer"], default));
            _ids["offerEtag"] = offer.ETag!;
            _ids["attachment"] = offer.Json.GetProperty("attachments")[0].GetProperty("id").GetString()!;
            var invitation = await App.InviteAsync(_ids["open"], "BRA", "focal.point@itamaraty.example");
            (_ids["invitation"], _ids["invitationEtag"]) = (invitation.Id, invitation.ETag!);
            var draft = (await App.SendAsync(LocalRequest.Raw("POST", LocalApp.SampleCallJson()).As(Callers.Secretariat), r => App.Calls.CreateCall(r, default))).Expect(201, "create a draft");
            (_ids["draft"], _ids["draftEtag"]) = (draft.Id, draft.ETag!);
        }
    }

    public async Task DisposeAsync() => await _ranked.DisposeAsync();

    /// <summary>A request each function would accept, or get far with: the starting point of its hostile variants.</summary>
    private sealed record Valid(string Caller, Dictionary<string, string> Route, string? Json = null, byte[]? File = null,
        string? IfMatch = null, Dictionary<string, string>? Query = null, bool OpenClock = false, bool Public = false, string? FileName = null);

    private Dictionary<string, Valid> ValidRequests()
    {
        var open = new Dictionary<string, string> { ["callId"] = _ids["open"] };
        var offer = new Dictionary<string, string>(open) { ["offerId"] = _ids["offer"] };
        var attachment = new Dictionary<string, string>(offer) { ["attachmentId"] = _ids["attachment"] };
        var ranked = new Dictionary<string, string> { ["callId"] = _ids["ranked"] };
        var rankedOffer = new Dictionary<string, string>(ranked) { ["offerId"] = _ids["rankedOffer"] };
        var offerJson = System.Text.Json.JsonSerializer.Serialize(SampleOffers.Kenya("EGM-2"));
        var review = """{"scores":[{"criterion":"Venue","score":4,"comment":"Good rooms"},{"criterion":"Logistics","score":3},{"criterion":"Security","score":5},{"criterion":"Overall","score":4}]}""";
        var weights = """{"weights":{"venue":0.3,"logistics":0.2,"security":0.2,"coverage":0.2,"overall":0.1},"rules":{"expertGroupRegions":"Preferred"}}""";
        return new()
        {
            ["CreateCall"] = new(Callers.Secretariat, [], LocalApp.SampleCallJson()),
            ["UpdateCall"] = new(Callers.Secretariat, new() { ["callId"] = _ids["draft"] }, LocalApp.SampleCallJson(), IfMatch: _ids["draftEtag"], OpenClock: true),
            ["OpenCall"] = new(Callers.Secretariat, new() { ["callId"] = _ids["draft"] }, IfMatch: _ids["draftEtag"], OpenClock: true),
            ["GetCall"] = new(Callers.Secretariat, new() { ["callId"] = _ids["draft"] }, Public: true),
            ["ListOpenCalls"] = new(Callers.Kenya, [], Public: true),
            ["SubmitOffer"] = new(Callers.Kenya, open, offerJson, OpenClock: true),
            ["ListOffers"] = new(Callers.Kenya, open, OpenClock: true),
            ["GetOffer"] = new(Callers.Kenya, offer, OpenClock: true),
            ["ReviseOffer"] = new(Callers.Kenya, offer, offerJson, IfMatch: _ids["offerEtag"], OpenClock: true),
            ["WithdrawOffer"] = new(Callers.Kenya, offer, IfMatch: _ids["offerEtag"], OpenClock: true),
            ["CountOffers"] = new(Callers.Secretariat, open, OpenClock: true),
            ["AddAttachment"] = new(Callers.Kenya, offer, File: SampleOffers.Pdf, IfMatch: _ids["offerEtag"],
                Query: new() { ["kind"] = "VenueDescription" }, FileName: "venue.pdf", OpenClock: true),
            ["DownloadAttachment"] = new(Callers.Kenya, attachment, OpenClock: true),
            ["RemoveAttachment"] = new(Callers.Kenya, attachment, IfMatch: _ids["offerEtag"], OpenClock: true),
            ["SaveReview"] = new(Callers.GermanReviewer, rankedOffer, review),
            ["ListReviews"] = new(Callers.Secretariat, rankedOffer),
            ["GetRanking"] = new(Callers.Secretariat, ranked, Query: new() { ["version"] = "1" }),
            ["RankWhatIf"] = new(Callers.Secretariat, ranked, weights),
            ["ExportRanking"] = new(Callers.Secretariat, ranked, Query: new() { ["version"] = "1" }),
            ["DecideCall"] = new(Callers.Secretariat, ranked, """{"rankingVersion":1,"overrides":[]}""", IfMatch: _ids["rankedEtag"]),
            ["AnswerAsHost"] = new(Callers.France, rankedOffer, """{"confirm":true}"""),
            ["ConfirmOfferContacts"] = new(Callers.Secretariat, rankedOffer, """{"emails":["fp@diplomatie.example"]}""", IfMatch: _ids["rankedOfferEtag"]),
            ["ListNotifications"] = new(Callers.Secretariat, ranked),
            ["RedriveNotification"] = new(Callers.Secretariat, new(ranked) { ["notificationId"] = _ids["notification"] }, IfMatch: _ids["notificationEtag"]),
            ["InviteFocalPoint"] = new(Callers.Secretariat, open, """{"memberState":"IND","email":"fp@mea.example","language":"en","name":"Priya Nair"}""", OpenClock: true),
            ["ListInvitations"] = new(Callers.Secretariat, open, OpenClock: true),
            ["RevokeInvitation"] = new(Callers.Secretariat, new(open) { ["invitationId"] = _ids["invitation"] }, IfMatch: _ids["invitationEtag"], OpenClock: true),
            ["GetMe"] = new(Callers.Kenya, [], Public: true),
            ["GetAuditTrail"] = new(Callers.Secretariat, ranked, Query: new() { ["from"] = "1", ["limit"] = "10" }),
            ["VerifyAuditTrail"] = new(Callers.Secretariat, ranked),
            ["OpenSession"] = new("", []),
            ["CloseSession"] = new("", [], Public: true),
            ["GetOpenApiDocument"] = new("", [], Public: true),
            ["ServePortal"] = new("", new() { ["path"] = "index.html" }, Public: true),
            ["ReceiveSendGridEvents"] = new("", [], """[{"email":"a@b.example","timestamp":1698796800,"event":"delivered","sg_event_id":"e1"}]""", Public: true),
        };
    }

    private static IEnumerable<MethodInfo> HttpFunctions() =>
        typeof(ApiEndpoint).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null
                && m.GetParameters().Any(p => p.GetCustomAttribute<HttpTriggerAttribute>() is not null));

    private sealed record Hostile(MethodInfo Function, string What, LocalRequest Request, Dictionary<string, string> Route, bool OpenClock);

    /// <summary>Every hostile variant of every function's valid request.</summary>
    private IEnumerable<Hostile> Corpus(MethodInfo function, Valid valid)
    {
        Hostile Variant(string what, LocalRequest request, Dictionary<string, string>? route = null) =>
            new(function, what, request, route ?? valid.Route, valid.OpenClock);

        LocalRequest Base(string? json = null, byte[]? file = null, string? caller = null, string? ifMatch = null)
        {
            var request = file is not null ? LocalRequest.File(file) with { Method = Method(function) }
                : json is not null ? LocalRequest.Raw(Method(function), json) : new LocalRequest(Method(function), [], null);
            if ((caller ?? valid.Caller) is { Length: > 0 } who)
            {
                request = request.As(who);
            }

            if ((ifMatch ?? valid.IfMatch) is { } etag)
            {
                request = request.IfMatch(etag);
            }

            foreach (var (name, value) in valid.Query ?? [])
            {
                request = request.WithQuery(name, value);
            }

            return valid.FileName is { } fileName ? request.FileNamed(fileName) : request;
        }

        // Ids in the route: traversal, separators, control characters, huge, unknown, and other states' offers.
        foreach (var name in valid.Route.Keys)
        {
            // The portal's empty path is its start page, not a missing id.
            foreach (var id in HostileIds.Where(id => name != "path" || id.Length > 0))
            {
                yield return Variant($"{name}={Printable(id)}", Base(valid.Json, valid.File), new(valid.Route) { [name] = id });
            }
        }

        if (valid.Route.TryGetValue("offerId", out var offerId) && offerId == _ids["offer"])
        {
            yield return Variant("another state's offer", Base(valid.Json, valid.File), new(valid.Route) { ["offerId"] = _ids["otherOffer"] });
            yield return Variant("its offer in another call", Base(valid.Json, valid.File), new(valid.Route) { ["callId"] = _ids["ranked"] });
        }

        if (!valid.Public)
        {
            foreach (var caller in (string[])["member-state ken", "member-state XXX", "member-state KEN\u0000", "reviewer <b> DEU", "secretariat ../"])
            {
                yield return Variant($"caller {Printable(caller)}", Base(valid.Json, valid.File, caller == valid.Caller ? "" : caller));
            }

            foreach (var token in (string[])["garbage", "a.b.c", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJLRU4ifQ.", new string('A', 8000)])
            {
                yield return Variant($"invitation token {Printable(token)}", Base(valid.Json, valid.File, "").Invited(token));
                yield return Variant($"session cookie {Printable(token)}", Base(valid.Json, valid.File, "").With("Cookie", $"__Host-HostingCalls-Session={token}"));
            }
        }

        if (valid.IfMatch is not null)
        {
            foreach (var etag in (string[])["*", "\"a\", \"b\"", "W/\"garbage\"", "\"0x8D000000000000\"", "W/\"datetime'garbage'\"", "W/\"datetime'2023-10-02T08%3A00%3A00.0000000Z'\"", "\u0001"])
            {
                yield return Variant($"If-Match {Printable(etag)}", Base(valid.Json, valid.File, ifMatch: etag));
            }
        }

        if (valid.Json is not null)
        {
            foreach (var (what, body) in HostileBodies(valid.Json))
            {
                yield return Variant(what, Base(body));
            }

            foreach (var (what, body) in HostileValues(function.Name, valid.Json))
            {
                yield return Variant(what, Base(body));
            }

            foreach (var (what, body) in InvisibleText(valid.Json))
            {
                yield return Variant(what, Base(body));
            }

            if (function.Name == "DecideCall")
            {
                var zeroWidth = new { meetingId = "EGM-1", offerId = _ranked.Offers["DEU EGM-1"], justification = new string('\u200B', 20) };
                yield return Variant("a justification of 20 zero-width spaces", Base(System.Text.Json.JsonSerializer.Serialize(new { rankingVersion = 1, overrides = new[] { zeroWidth } })));
            }

            yield return Variant("a body over 1 MB", Base(new string(' ', 1_100_000) + valid.Json));
            yield return Variant("form content", Base(valid.Json) with { ContentType = "application/x-www-form-urlencoded" });
        }

        if (valid.File is not null)
        {
            // Names Windows saves as active files (trailing dots and spaces dropped), hidden or reversed extensions, and
            // tails too long to be read as "no extension": refused whatever the bytes.
            foreach (var name in (string[])["../../etc/passwd.pdf", @"..\..\x.pdf", "a/b.pdf", "x.pdf\u0000.exe", "C:x.pdf", "..", new string('a', 300) + ".pdf", "<img src=x>.pdf",
                "venue.html.", "venue.html..", "venue.html. ", "venue.ht\u200Bml", "venue.pd\u00ADf", "venue.pdf\uFEFF", "venue\u202Efdp.exe", "venue.svg", "venue.js",
                "venue.exe", "venue.backup", "venue.pdf\u3000", "CON.pdf"])
            {
                yield return Variant($"fileName {Printable(name)}", Base(file: valid.File).FileNamed(name));
            }

            yield return Variant("venue.html. holding a PDF header then HTML", Base(file: Encoding.ASCII.GetBytes("%PDF-1.7\n<html><script>alert(1)</script></html>")).FileNamed("venue.html."));

            // The name travels percent-encoded in a header, never in the URL: broken escapes, bytes that are not UTF-8,
            // two names, and a name in the query string are refused.
            foreach (var raw in (string[])["%ZZ.pdf", "venue%C3.pdf", "%ED%A0%80.pdf", "100%.pdf"])
            {
                yield return Variant($"file name header {Printable(raw)}", Base(file: valid.File).With("X-HostingCalls-File-Name", raw));
            }

            yield return Variant("a file name in the URL", Base(file: valid.File).WithQuery("fileName", "venue.pdf"));
            yield return Variant("a file sent as a form", Base(file: valid.File) with { ContentType = "multipart/form-data; boundary=x" });

            foreach (var kind in (string[])["venuedescription", "Invoice", "1", ""])
            {
                yield return Variant($"kind {kind}", Base(file: valid.File) with { Query = new(valid.Query!) { ["kind"] = kind } });
            }

            var lies = new Dictionary<string, byte[]>
            {
                ["HTML named .pdf"] = "<html><script>alert(1)</script></html>"u8.ToArray(),
                ["an executable named .pdf"] = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00],
                ["a PNG named .pdf"] = SampleOffers.Png,
                ["a PDF header then HTML"] = Encoding.ASCII.GetBytes("%PDF<html><script>alert(1)</script>"),
                ["an empty file"] = [],
                ["a file over the limit"] = [.. SampleOffers.Pdf, .. new byte[10 * 1024 * 1024]],
            };
            foreach (var (what, content) in lies)
            {
                yield return Variant(what, Base(file: content));
            }
        }

        if (valid.Query?.ContainsKey("version") == true)
        {
            foreach (var version in (string[])["0", "-1", "abc", "1.5", "99999999999", "999"])
            {
                yield return Variant($"version={version}", Base() with { Query = new() { ["version"] = version } });
            }
        }
    }

    /// <summary>Malformed, truncated, mistyped, huge, server-owned and unknown variants of a valid JSON body.</summary>
    private static IEnumerable<(string What, string Body)> HostileBodies(string valid)
    {
        yield return ("malformed JSON", "{\"a\":");
        yield return ("truncated JSON", valid[..(valid.Length / 2)]);
        yield return ("JSON null", "null");
        yield return ("JSON array", "[1,2]");
        yield return ("JSON string", "\"x\"");
        yield return ("not JSON", "<xml/>");
        yield return ("a duplicated field", valid.TrimStart()[0] == '{' ? "{\"a\":1,\"a\":2}" : "[[");
        yield return ("deep nesting", new string('[', 5000) + new string(']', 5000));

        if (JsonNode.Parse(valid) is not JsonObject root)
        {
            yield return ("an object instead of the array", "{\"email\":\"a@b.example\"}");
            yield break;
        }

        foreach (var field in (string[])["id", "status", "version", "etag", "submittedAt", "memberState", "score", "isAdmin"])
        {
            yield return ($"server-owned or unknown field {field}", With(root, o => o[field] = "x"));
        }

        foreach (var (name, value) in root.ToList())
        {
            yield return ($"{name}: wrong type", With(root, o => o[name] = value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? JsonValue.Create(12) : JsonValue.Create("twelve")));
            yield return ($"{name}: array", With(root, o => o[name] = new JsonArray(1, 2)));
            if (value is JsonValue text && text.GetValueKind() == System.Text.Json.JsonValueKind.String)
            {
                var s = text.GetValue<string>();
                yield return ($"{name}: huge string", With(root, o => o[name] = new string('A', 200_000)));
                yield return ($"{name}: control characters", With(root, o => o[name] = s + "\u0000\u001b[31m"));
                if (s.Length is > 0 and < 10 && s == s.ToUpperInvariant() && s.Any(char.IsLetter))
                {
                    yield return ($"{name}: lower-case code", With(root, o => o[name] = s.ToLowerInvariant()));
                }
            }

            if (value is JsonValue number && number.GetValueKind() == System.Text.Json.JsonValueKind.Number)
            {
                yield return ($"{name}: huge number", With(root, o => o[name] = JsonValue.Create(1e300)));
                yield return ($"{name}: negative", With(root, o => o[name] = JsonValue.Create(-1)));
            }

            if (value is JsonObject inner)
            {
                foreach (var (innerName, innerValue) in inner.ToList())
                {
                    yield return ($"{name}.{innerName}: wrong type", With(root, o => o[name]![innerName] = innerValue is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? JsonValue.Create(12) : JsonValue.Create("twelve")));
                }
            }
        }
    }

    /// <summary>
    /// Values a lenient reader takes for others: enums as numbers, in another casing or as flag combinations;
    /// decimals a decimal cannot hold (1e-400 read as 0) or with more than 2 decimals of money; files of the zoneinfo
    /// folder that are not time zones; and an unknown field whose name is too long to repeat.
    /// </summary>
    private static IEnumerable<(string What, string Body)> HostileValues(string function, string valid)
    {
        if (JsonNode.Parse(valid) is not JsonObject root)
        {
            yield break;
        }

        yield return ("an unknown field named with 100000 characters", With(root, o => o[new string('x', 100_000)] = 1));
        string[] enumTexts = ["Logistics, Security", "Venue,Overall", "ExpertGroup, RegionalConsultation", "Preferred, Required", "venue", "expertGroup", "preferred", "VENUE", " Venue", "1", "0", ""];
        JsonNode[] numbers = [JsonNode.Parse("1e-400")!, JsonNode.Parse("-1e-400")!, JsonNode.Parse("0.001")!, JsonNode.Parse("25000.000000000000000000000000000001")!, JsonNode.Parse("1e400")!, JsonNode.Parse("0.1e-30")!];
        switch (function)
        {
            case "SaveReview":
                foreach (var text in enumTexts)
                {
                    yield return ($"scores[0].criterion {Printable(text)}", With(root, o => o["scores"]![0]!["criterion"] = text));
                }

                yield return ("scores[0].criterion as a number", With(root, o => o["scores"]![0]!["criterion"] = 1));
                break;
            case "RankWhatIf":
                foreach (var text in enumTexts)
                {
                    yield return ($"rules.expertGroupRegions {Printable(text)}", With(root, o => o["rules"]!["expertGroupRegions"] = text));
                }

                yield return ("rules.expertGroupRegions as a number", With(root, o => o["rules"]!["expertGroupRegions"] = 0));
                break;
            case "CreateCall" or "UpdateCall":
                foreach (var text in enumTexts)
                {
                    yield return ($"meetings[0].kind {Printable(text)}", With(root, o => o["meetings"]![0]!["kind"] = text));
                }

                yield return ("meetings[0].kind as a number", With(root, o => o["meetings"]![0]!["kind"] = 1));
                foreach (var zone in (string[])["localtime", "posixrules", "Factory", "right/UTC", "posix/Europe/Paris", "right/Africa/Nairobi", "zone.tab", "africa/nairobi", "Africa/Nairobi/", "/etc/localtime", "../zoneinfo/UTC"])
                {
                    yield return ($"timeZone {zone}", With(root, o => o["timeZone"] = zone));
                }

                // Dates at the edge of time: each must lie within the horizon, and no arithmetic on one may throw.
                foreach (var (field, value) in (ValueTuple<string, JsonNode>[])[("deadline", "9999-12-31T23:59:00Z"), ("resultsDate", "9999-12-20"), ("opensAt", "0001-01-01T00:00:00Z"),
                    ("gracePeriodMinutes", int.MaxValue), ("gracePeriodMinutes", -1), ("resultsDate", "9999-12-31")])
                {
                    yield return ($"{field} {value.ToJsonString()}", With(root, o => o[field] = value.DeepClone()));
                }

                yield return ("deadline 9999-12-31 with a grace period", With(root, o => { o["deadline"] = "9999-12-31T23:59:00Z"; o["gracePeriodMinutes"] = 60; }));
                yield return ("meetings[0].windowEnd 9999-12-31", With(root, o => o["meetings"]![0]!["windowEnd"] = "9999-12-31"));
                foreach (var number in numbers)
                {
                    yield return ($"fundingGapUsd {number.ToJsonString()}", With(root, o => o["fundingGapUsd"] = number.DeepClone()));
                    yield return ($"meetings[0].estimatedCostUsd {number.ToJsonString()}", With(root, o => o["meetings"]![0]!["estimatedCostUsd"] = number.DeepClone()));
                }

                break;
            case "SubmitOffer" or "ReviseOffer":
                foreach (var number in numbers)
                {
                    yield return ($"coverage.cashUsd {number.ToJsonString()}", With(root, o => o["coverage"]!["cashUsd"] = number.DeepClone()));
                }

                break;
        }
    }

    /// <summary>
    /// Required text made only of invisible characters (zero-width space, BOM, soft hyphen), and email addresses
    /// carrying a bidi override or a zero-width space: none is text a reader could see or an address one could check.
    /// </summary>
    private static IEnumerable<(string What, string Body)> InvisibleText(string valid)
    {
        if (JsonNode.Parse(valid) is not JsonObject root)
        {
            yield break;
        }

        foreach (var path in (string[])["city", "title", "venue.name", "focalPoint.name"])
        {
            var (outer, inner) = path.Contains('.', StringComparison.Ordinal) ? (path.Split('.')[0], path.Split('.')[1]) : (null, path);
            if ((outer is null ? root : root[outer] as JsonObject)?[inner] is JsonValue)
            {
                foreach (var invisible in (string[])["\u200B", "\uFEFF", "\u00AD", "\u200B\uFEFF\u00AD\u202E\u2060"])
                {
                    yield return ($"{path}: only {Printable(invisible)}", With(root, o => (outer is null ? o : (JsonObject)o[outer]!)[inner] = invisible));
                }
            }
        }

        foreach (var (outer, obj) in (IEnumerable<(string? Outer, JsonObject Object)>)[(null, root), .. root.Where(p => p.Value is JsonObject).Select(p => ((string?)p.Key, (JsonObject)p.Value!))])
        {
            foreach (var (name, value) in obj.ToList())
            {
                if (name.EndsWith("email", StringComparison.OrdinalIgnoreCase) && value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String)
                {
                    var address = v.GetValue<string>();
                    var at = address.IndexOf('@', StringComparison.Ordinal);
                    foreach (var (what, hostile) in (ValueTuple<string, string>[])[("a bidi override", address[..(at + 1)] + "\u202E" + address[(at + 1)..]), ("a zero-width space", address[..at] + "\u200B" + address[at..])])
                    {
                        yield return ($"{(outer is null ? name : $"{outer}.{name}")}: {what}", With(root, o => (outer is null ? o : (JsonObject)o[outer]!)[name] = hostile));
                    }
                }
            }
        }
    }

    private static string With(JsonObject root, Action<JsonObject> change)
    {
        var copy = (JsonObject)root.DeepClone();
        change(copy);
        return copy.ToJsonString();
    }

    private static string Method(MethodInfo function) =>
        function.GetParameters().Single(p => p.GetCustomAttribute<HttpTriggerAttribute>() is not null)
            .GetCustomAttribute<HttpTriggerAttribute>()!.Methods![0].ToUpperInvariant();

    private static string Printable(string text) =>
        text.Length > 24 ? $"{text.Length} chars" : string.Concat(text.Select(c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format ? $"\\u{(int)c:x4}" : c.ToString()));

    private Task<LocalResponse> SendAsync(Hostile hostile) => Task.Run(async () =>
    {
        var instance = App.Service(hostile.Function.DeclaringType!);
        using (hostile.OpenClock ? App.RequestClock.At(LocalApp.DuringTheCall) : null)
        {
            return await App.SendAsync(hostile.Request, request => (Task<IActionResult>)hostile.Function.Invoke(instance,
                [.. hostile.Function.GetParameters().Select(p => p.ParameterType == typeof(HttpRequest) ? request
                    : p.ParameterType == typeof(CancellationToken) ? CancellationToken.None
                    : (object)hostile.Route[p.Name!])])!);
        }
    });

    [Fact]
    public async Task Every_hostile_request_to_every_endpoint_is_a_4xx_problem_and_changes_nothing()
    {
        var valid = ValidRequests();
        var functions = HttpFunctions().ToList();
        Assert.Empty(functions.Select(f => f.Name).Except(valid.Keys)); // a new endpoint needs its valid request here
        var corpus = functions.SelectMany(f => Corpus(f, valid[f.Name])).ToList();
        // Listing open calls, asking who one is and reading the API document take nothing (no id, body, ETag or
        // required caller) that could be refused.
        Assert.Equal(["CloseSession", "GetMe", "GetOpenApiDocument", "ListOpenCalls"], functions.Where(f => corpus.All(h => h.Function != f)).Select(f => f.Name).Order(StringComparer.Ordinal));
        var before = await SnapshotAsync();

        var results = new List<(Hostile Hostile, LocalResponse Response)>();
        foreach (var hostile in corpus)
        {
            results.Add((hostile, await SendAsync(hostile)));
        }

        var after = await SnapshotAsync();
        var wrong = results.Where(r => r.Response.Status is < 400 or >= 500 || !r.Response.ContentType.StartsWith("application/problem+json", StringComparison.Ordinal)).ToList();
        Figures.Print(output, "hostile_input", [("requests", results.Count), ("endpoints", functions.Count), ("endpoints_sent_hostile_input", corpus.Select(h => h.Function).Distinct().Count()),
            .. results.GroupBy(r => r.Response.Status).OrderBy(g => g.Key).Select(g => ($"status_{g.Key}", (object)g.Count())),
            ("not_4xx_problem", wrong.Count), ("storage_changes", before.Except(after).Count() + after.Except(before).Count())]);
        foreach (var (hostile, response) in wrong)
        {
            output.WriteLine($"  {hostile.Function.Name} / {hostile.What}: {response.Status} {response.ContentType} {Truncate(response.Text)}");
        }

        Assert.True(results.Count >= 200, $"only {results.Count} requests");
        var longest = results.MaxBy(r => r.Response.Text.Length);
        Assert.True(longest.Response.Text.Length < 8_000, $"{longest.Hostile.Function.Name} / {longest.Hostile.What} answered {longest.Response.Text.Length} characters");
        Assert.Empty(wrong.Select(w => $"{w.Hostile.Function.Name} / {w.Hostile.What}: {w.Response.Status}"));
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Script_and_HTML_in_every_text_field_are_stored_as_text_and_every_email_shows_them_encoded()
    {
        var offer = SampleOffers.Kenya("EGM-2")
            .With("city", Script + " city")
            .With("security", Script + " security")
            .With("venue", new Dictionary<string, object?> { ["name"] = Script + " venue", ["description"] = Script + " description", ["seats"] = 80, ["stepFreeAccess"] = true, ["hybridFacilities"] = true, ["interpretationBooths"] = 6 })
            .With("access", new Dictionary<string, object?> { ["nearestAirport"] = "NBO", ["airportDistanceKm"] = 18, ["visaFacilitation"] = true, ["visaNotes"] = Script + " visa" })
            .With("focalPoint", new Dictionary<string, object?> { ["name"] = Script + " name", ["email"] = "focal.point@mfa.go.ke", ["language"] = "en" });
        string id;
        using (App.RequestClock.At(LocalApp.DuringTheCall))
        {
            var submitted = await App.SendAsync(LocalRequest.Post(offer).As(Callers.Kenya), r => App.Offers.SubmitOffer(r, _ids["open"], default));
            submitted.Expect(201, "submit script as text");
            Assert.Equal((Script + " city", Script + " venue"), (submitted.Json.GetProperty("city").GetString(), submitted.Json.GetProperty("venue").GetProperty("name").GetString()));
            id = submitted.Id;
        }

        // The receipts of both calls, then the ranked call's results, whose Kenyan focal point is named with a script.
        await App.SendingPump.DrainAsync();
        await _ranked.DecideAndReleaseAsync();
        await App.SendingPump.DrainAsync();

        var emails = _ranked.SendGrid.Accepted.Where(e => e.CallId == _ids["open"] || e.CallId == _ids["ranked"]).ToList();
        var withScript = emails.Where(e => e.Text.Contains("<script>", StringComparison.Ordinal)).ToList();
        Figures.Print(output, "script_in_text", ("emails", emails.Count), ("emails_carrying_the_script", withScript.Count),
            ("raw_script_in_html", emails.Count(e => e.Html.Contains("<script", StringComparison.OrdinalIgnoreCase) || e.Html.Contains("<b onmouseover", StringComparison.OrdinalIgnoreCase))));
        Assert.Contains(withScript, e => e.NotificationId == $"{id}-receipt-1");
        Assert.Contains(withScript, e => e.NotificationId.StartsWith(_ranked.Offers["KEN EGM-1"], StringComparison.Ordinal) && !e.NotificationId.Contains("receipt", StringComparison.Ordinal));
        Assert.All(emails, e =>
        {
            Assert.DoesNotContain("<script", e.Html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<b onmouseover", e.Html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<script", e.Subject, StringComparison.OrdinalIgnoreCase);
        });
        Assert.All(withScript, e => Assert.Contains("&lt;script&gt;", e.Html, StringComparison.Ordinal));
    }

    private static string Truncate(string text) => text.Length > 300 ? text[..300] + "…" : text;

    /// <summary>Every table row, blob and queued message in the account, by identity and ETag.</summary>
    private async Task<HashSet<string>> SnapshotAsync()
    {
        var snapshot = new HashSet<string>();
        await foreach (var table in App.Storage.Tables.QueryAsync())
        {
            await foreach (var row in App.Storage.Tables.GetTableClient(table.Name).QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
            {
                snapshot.Add($"table {table.Name} {row.PartitionKey} {row.RowKey} {row.ETag}");
            }
        }

        await foreach (var container in App.Storage.Blobs.GetBlobContainersAsync())
        {
            await foreach (var blob in App.Storage.Blobs.GetBlobContainerClient(container.Name).GetBlobsAsync(BlobTraits.None, BlobStates.None, null, CancellationToken.None))
            {
                snapshot.Add($"blob {container.Name} {blob.Name} {blob.Properties.ETag}");
            }
        }

        await foreach (var queue in App.Storage.Queues.GetQueuesAsync())
        {
            var count = (await App.Storage.Queues.GetQueueClient(queue.Name).GetPropertiesAsync()).Value.ApproximateMessagesCount;
            snapshot.Add($"queue {queue.Name} {count}");
        }

        return snapshot;
    }
}
