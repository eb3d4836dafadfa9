using HostingCalls.Functions.Http;
using HostingCalls.IntegrationTests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace HostingCalls.IntegrationTests.Http;

/// <summary>
/// Every endpoint, as nobody, as Kenya (whose offer it is), as France, as a reviewer and as the secretariat, while
/// the call is open and offers are sealed: the status each gets, and that nothing changed where it must not.
/// (Focal-point tokens come with the identity issue; these callers use the development scheme.)
/// </summary>
[Collection(nameof(AzuriteCollection))]
public sealed class AuthorizationMatrixTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Nobody = "";
    private static readonly string[] Everyone = [Nobody, Callers.Kenya, Callers.France, Callers.GermanReviewer, Callers.Secretariat];
    private LocalApp _app = null!;
    private string _callId = null!;
    private string _offerId = null!;
    private string _attachmentId = null!;

    public async Task InitializeAsync()
    {
        _app = await LocalApp.StartAsync(azurite.ConnectionString);
        _callId = await _app.OpenSampleCallAsync();
        _offerId = await _app.SubmitWithLetterAsync(_callId, Callers.Kenya, SampleOffers.Kenya());
        var offer = await _app.SendAsync(LocalRequest.Get().As(Callers.Kenya), r => _app.Offers.GetOffer(r, _callId, _offerId, default));
        _attachmentId = offer.Json.GetProperty("attachments")[0].GetProperty("id").GetString()!;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Endpoint, request, then the status for nobody, Kenya, France, the reviewer and the secretariat (null: not asked).</summary>
    private IEnumerable<(string Endpoint, Func<LocalRequest> Request, Func<HttpRequest, Task<IActionResult>> Function, int?[] Expected)> Matrix()
    {
        var offer = SampleOffers.Kenya();
        var review = new { scores = new object[] { new { criterion = "Venue", score = 5 }, new { criterion = "Logistics", score = 5 }, new { criterion = "Security", score = 5 }, new { criterion = "Overall", score = 5 } } };
        const string etag = "W/\"datetime'2023-10-02T08%3A00%3A00.0000000Z'\"";
        CallFunctions calls = _app.Calls;
        OfferFunctions offers = _app.Offers;
        yield return ("GetCall", LocalRequest.Get, r => calls.GetCall(r, _callId, default), [200, 200, 200, 200, 200]);
        yield return ("ListOpenCalls", LocalRequest.Get, r => calls.ListOpenCalls(r, default), [200, 200, 200, 200, 200]);
        yield return ("CreateCall", () => LocalRequest.Raw("POST", LocalApp.SampleCallJson()), r => calls.CreateCall(r, default), [401, 403, 403, 403, null]);
        yield return ("UpdateCall", () => LocalRequest.Raw("PUT", LocalApp.SampleCallJson()).IfMatch(etag), r => calls.UpdateCall(r, _callId, default), [401, 403, 403, 403, 409]);
        yield return ("OpenCall", () => LocalRequest.Post().IfMatch(etag), r => calls.OpenCall(r, _callId, default), [401, 403, 403, 403, 409]);
        yield return ("SubmitOffer (another call)", () => LocalRequest.Post(offer), r => offers.SubmitOffer(r, "0190c0de00007000800000000000dead", default), [401, 404, 404, 403, 403]);
        yield return ("ListOffers", LocalRequest.Get, r => offers.ListOffers(r, _callId, default), [401, 200, 200, 403, 403]);
        yield return ("GetOffer", LocalRequest.Get, r => offers.GetOffer(r, _callId, _offerId, default), [401, 200, 404, 404, 404]);
        yield return ("ReviseOffer", () => LocalRequest.Put(offer).IfMatch(etag), r => offers.ReviseOffer(r, _callId, _offerId, default), [401, 412, 404, 403, 403]);
        yield return ("WithdrawOffer", () => LocalRequest.Post().IfMatch(etag), r => offers.WithdrawOffer(r, _callId, _offerId, default), [401, 412, 404, 403, 403]);
        yield return ("CountOffers", LocalRequest.Get, r => offers.CountOffers(r, _callId, default), [401, 403, 403, 403, 200]);
        yield return ("AddAttachment", () => LocalRequest.File(LocalApp.MinimalPdf).WithQuery("kind", "VenueDescription").IfMatch(etag), r => _app.Attachments.AddAttachment(r, _callId, _offerId, default), [401, 412, 404, 403, 403]);
        yield return ("DownloadAttachment", LocalRequest.Get, r => _app.Attachments.DownloadAttachment(r, _callId, _offerId, _attachmentId, default), [401, 200, 404, 404, 404]);
        yield return ("RemoveAttachment", () => LocalRequest.Delete().IfMatch(etag), r => _app.Attachments.RemoveAttachment(r, _callId, _offerId, _attachmentId, default), [401, 412, 404, 403, 403]);
        yield return ("SaveReview", () => LocalRequest.Put(review), r => _app.Reviews.SaveReview(r, _callId, _offerId, default), [401, 403, 403, 409, 403]);
        yield return ("ListReviews", LocalRequest.Get, r => _app.Reviews.ListReviews(r, _callId, _offerId, default), [401, 403, 403, 404, 404]);
        yield return ("GetRanking", LocalRequest.Get, r => _app.Rankings.GetRanking(r, _callId, default), [401, 403, 403, 403, 409]);
        yield return ("RankWhatIf", () => LocalRequest.Post(new { rules = new { reservesPerMeeting = 1 } }), r => _app.Rankings.RankWhatIf(r, _callId, default), [401, 403, 403, 403, 409]);
        yield return ("ExportRanking", LocalRequest.Get, r => _app.Rankings.ExportRanking(r, _callId, default), [401, 403, 403, 403, 409]);
        yield return ("DecideCall", () => LocalRequest.Post(new { rankingVersion = 1 }).IfMatch(etag), r => _app.Decisions.DecideCall(r, _callId, default), [401, 403, 403, 403, 409]);
        yield return ("AnswerAsHost", () => LocalRequest.Post(new { confirm = true }), r => _app.Decisions.AnswerAsHost(r, _callId, _offerId, default), [401, 409, 404, 403, 403]);
        yield return ("ListNotifications", LocalRequest.Get, r => _app.Notifications.ListNotifications(r, _callId, default), [401, 403, 403, 403, 200]);
        yield return ("RedriveNotification", () => LocalRequest.Post().IfMatch(etag), r => _app.Notifications.RedriveNotification(r, _callId, $"{_offerId}-receipt-1", default), [401, 403, 403, 403, 409]);
        yield return ("GetAuditTrail", LocalRequest.Get, r => _app.Audit.GetAuditTrail(r, _callId, default), [401, 403, 403, 403, 200]);
        yield return ("VerifyAuditTrail", LocalRequest.Get, r => _app.Audit.VerifyAuditTrail(r, _callId, default), [401, 403, 403, 403, 200]);
        yield return ("ReceiveSendGridEvents (unsigned)", () => LocalRequest.Raw("POST", "[]"), r => _app.Notifications.ReceiveSendGridEvents(r, default), [401, 401, 401, 401, 401]);
    }

    [Fact]
    public async Task Every_endpoint_answers_each_caller_as_it_should_and_nothing_changes_while_the_call_is_open()
    {
        var before = await _app.SendAsync(LocalRequest.Get().As(Callers.Kenya), r => _app.Offers.GetOffer(r, _callId, _offerId, default));
        var failures = new List<string>();
        var asked = 0;
        foreach (var (endpoint, request, function, expected) in Matrix())
        {
            for (var i = 0; i < Everyone.Length; i++)
            {
                if (expected[i] is not { } status)
                {
                    continue;
                }

                var sent = Everyone[i] == Nobody ? request() : request().As(Everyone[i]);
                var response = await _app.SendAsync(sent, function);
                asked++;
                if (response.Status != status)
                {
                    failures.Add($"{endpoint} as {(Everyone[i] == Nobody ? "nobody" : Everyone[i])}: expected {status}, got {response}");
                }
                else if (status >= 400 && !response.ContentType.StartsWith("application/problem+json", StringComparison.Ordinal))
                {
                    failures.Add($"{endpoint} as {Everyone[i]}: {status} without a problem document");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(asked >= 125, $"{asked} requests asked");
        var after = await _app.SendAsync(LocalRequest.Get().As(Callers.Kenya), r => _app.Offers.GetOffer(r, _callId, _offerId, default));
        Assert.Equal(before.Text, after.Text);
        var call = await _app.SendAsync(LocalRequest.Get().As(Callers.Secretariat), r => _app.Calls.GetCall(r, _callId, default));
        Assert.Equal("Open", call.Json.GetProperty("status").GetString());
    }
}
