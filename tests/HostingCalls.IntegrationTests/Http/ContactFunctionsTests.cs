using System.Text.Json;
using HostingCalls.IntegrationTests.Support;
using Microsoft.Azure.Functions.Worker;

namespace HostingCalls.IntegrationTests.Http;

/// <summary>
/// No relay: an offer typed with other addresses than its invitation's gets its receipt at the invitation's address
/// only; once the secretariat confirms one of the typed addresses, the result goes there too, and nothing twice.
/// </summary>
[Collection(nameof(AzuriteCollection))]
public sealed class ContactFunctionsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Typed = "focal.point@mfa.go.ke";
    private const string TypedMission = "mission@kenya-un.example";
    private const string RecordedMission = "mission@kenya.un.example";
    private InvitedFocalPoints _focalPoints = null!;
    private string _callId = null!;

    private LocalApp App => _focalPoints.App;

    public async Task InitializeAsync()
    {
        _focalPoints = await InvitedFocalPoints.StartAsync(azurite.ConnectionString);
        _callId = await App.OpenSampleCallAsync();
    }

    public async Task DisposeAsync() => await _focalPoints.DisposeAsync();

    private List<CapturedEmail> Emails => [.. _focalPoints.SendGrid.Accepted.Where(e => e.CallId == _callId && !e.NotificationId.EndsWith("-invitation-1", StringComparison.Ordinal))];

    private Task<LocalResponse> Confirm(string offerId, string? etag, params string[] emails)
    {
        var request = LocalRequest.Post(new { emails }).As(Callers.Secretariat);
        return App.SendAsync(etag is null ? request : request.IfMatch(etag), r => App.Contacts.ConfirmOfferContacts(r, _callId, offerId, default));
    }

    [Fact]
    public async Task A_typed_address_gets_nothing_until_the_secretariat_confirms_it_then_the_result_goes_to_it_too()
    {
        // Kenya is invited at its ministry's address, with the Permanent Mission's; the offer names other addresses.
        var invitation = await App.InviteAsync(_callId, "KEN", "focal.point@ken.example", "en", "Focal point of KEN", RecordedMission);
        await App.SendingPump.DrainAsync();
        var token = InvitationLinks.TokenOf(InvitationLinks.EmailOf(_focalPoints.SendGrid, invitation.Id));
        var offerId = await App.SubmitWithLetterAsync(_callId, r => r.Invited(token), "Kenya by token", SampleOffers.Kenya());
        await App.SendingPump.DrainAsync();

        var receipt = Assert.Single(Emails);
        Assert.Equal($"{offerId}-receipt-1", receipt.NotificationId);
        Assert.Equal(["focal.point@ken.example", RecordedMission], receipt.Recipients);
        Assert.DoesNotContain(_focalPoints.SendGrid.Accepted, e => e.Recipients.Contains(Typed) || e.Recipients.Contains(TypedMission));

        await App.CloseSampleCallsAsync();
        // The secretariat sees the typed addresses on the offer, and confirms the focal point's.
        var offer = await App.SendAsync(LocalRequest.Get().As(Callers.Secretariat), r => App.Offers.GetOffer(r, _callId, offerId, default));
        Assert.Equal((Typed, TypedMission), (offer.Json.GetProperty("focalPoint").GetProperty("email").GetString(), offer.Json.GetProperty("permanentMissionEmail").GetString()));
        var relay = await Confirm(offerId, offer.ETag, "someone@relay.example");
        Assert.Equal(400, relay.Status);
        Assert.Contains("emails[0]", relay.Text, StringComparison.Ordinal);
        Assert.Equal(412, (await Confirm(offerId, "W/\"datetime'2023-10-02T08%3A00%3A00.0000000Z'\"", Typed)).Status);
        Assert.Equal(428, (await Confirm(offerId, null, Typed)).Status);

        var confirmed = (await Confirm(offerId, offer.ETag, Typed)).Expect(200, "confirm the typed focal point address");
        Assert.Equal([Typed], confirmed.Json.GetProperty("confirmedEmails").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal((invitation.Id, RecordedMission), (confirmed.Id, confirmed.Json.GetProperty("permanentMissionEmail").GetString()));
        var trail = await App.SendAsync(LocalRequest.Get().As(Callers.Secretariat).WithQuery("from", "1").WithQuery("limit", "100"), r => App.Audit.GetAuditTrail(r, _callId, default));
        var entry = Assert.Single(trail.Json.GetProperty("entries").EnumerateArray(), e => e.GetProperty("action").GetString() == "ContactConfirmed");
        Assert.Equal(offerId, entry.GetProperty("subject").GetString());
        Assert.DoesNotContain(Typed, entry.GetRawText(), StringComparison.Ordinal);

        // The result: to the invitation's addresses and the confirmed one, never the unconfirmed mission address.
        var call = await App.SendAsync(LocalRequest.Get().As(Callers.Secretariat), r => App.Calls.GetCall(r, _callId, default));
        var version = call.Json.GetProperty("ranking").GetProperty("version").GetInt32();
        (await App.SendAsync(LocalRequest.Post(new { rankingVersion = version, overrides = Array.Empty<object>() }).As(Callers.Secretariat).IfMatch(call.ETag!),
            r => App.Decisions.DecideCall(r, _callId, default))).Expect(200, "decide");
        App.Clock.SetUtcNow(ResultsScenario.ResultsDate);
        await App.ResultsTimer.ReleaseResults(new TimerInfo(), default);
        await App.ResultsTimer.ReleaseResults(new TimerInfo(), default);
        await App.SendingPump.DrainAsync();

        var result = Assert.Single(Emails, e => e.NotificationId.StartsWith(offerId, StringComparison.Ordinal) && !e.NotificationId.EndsWith("-receipt-1", StringComparison.Ordinal));
        Assert.Equal(["focal.point@ken.example", RecordedMission, Typed], result.Recipients);
        Assert.DoesNotContain(_focalPoints.SendGrid.Accepted, e => e.Recipients.Contains(TypedMission));
        Assert.Single(Emails, e => e.NotificationId == $"{offerId}-receipt-1");
        Assert.Equal(Emails.Count, Emails.Select(e => e.NotificationId).Distinct().Count());
    }

    [Fact]
    public async Task An_offer_of_a_state_nobody_invited_is_not_mailed_at_its_typed_address_and_its_failure_is_shown()
    {
        var offerId = await App.SubmitWithLetterAsync(_callId, Callers.Kenya, SampleOffers.Kenya());
        await App.SendingPump.DrainAsync();

        Assert.DoesNotContain(_focalPoints.SendGrid.Accepted, e => e.CallId == _callId);
        var notifications = await App.SendAsync(LocalRequest.Get().As(Callers.Secretariat), r => App.Notifications.ListNotifications(r, _callId, default));
        var receipt = Assert.Single(notifications.Json.EnumerateArray(), n => n.GetProperty("id").GetString() == $"{offerId}-receipt-1");
        Assert.Equal("Failed", receipt.GetProperty("status").GetString());
        Assert.Contains("No address the secretariat recorded", receipt.GetProperty("lastError").GetString(), StringComparison.Ordinal);

        await App.CloseSampleCallsAsync();
        var offer = await App.SendAsync(LocalRequest.Get().As(Callers.Secretariat), r => App.Offers.GetOffer(r, _callId, offerId, default));
        Assert.Equal(409, (await Confirm(offerId, offer.ETag, Typed)).Status);
    }
}
