using System.Formats.Asn1;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HostingCalls.Core.Common;
using HostingCalls.Core.Notifications;
using HostingCalls.Core.Notifications.Delivery;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HostingCalls.Core.UnitTests.Notifications.Delivery;

public sealed class DeliveryTrackerTests : IDisposable
{
    private const string CallId = "0190c0de00007000800000000000c411";
    private const string NotificationId = "0190c0de000070008000000000000042-receipt-1";

    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2023-10-02T09:00:00Z", CultureInfo.InvariantCulture);

    private readonly ECDsa _sendGrid = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly InMemoryNotificationLedger _ledger = new();
    private readonly InMemoryDeliveryEventLog _log = new();
    private int _stamp;

    public void Dispose() => _sendGrid.Dispose();

    private DeliveryTracker Tracker(bool withKey = true) => new(
        _ledger,
        _log,
        withKey ? new EventWebhookVerifier(Convert.ToBase64String(_sendGrid.ExportSubjectPublicKeyInfo())) : null,
        _clock,
        NullLogger<DeliveryTracker>.Instance);

    private async Task<Notification> Stored(NotificationStatus status, DateTimeOffset? eventAt = null, string id = NotificationId)
    {
        var notification = new Notification(id, CallId, "0190c0de000070008000000000000042", NotificationKind.Receipt, status,
            Now.AddMinutes(-10), Now.AddMinutes(-10))
        {
            Attempts = 1,
            MessageId = status == NotificationStatus.Sent ? "sg-message-1" : null,
            EventAt = eventAt,
        };
        await _ledger.RecordAsync([notification], default);
        return notification;
    }

    private static Dictionary<string, object?> Event(string type, string eventId, DateTimeOffset at, string? reason = null,
        string? callId = CallId, string? notificationId = NotificationId)
    {
        var item = new Dictionary<string, object?>
        {
            ["email"] = "focal.point@mfa.go.ke",
            ["timestamp"] = at.ToUnixTimeSeconds(),
            ["event"] = type,
            ["sg_event_id"] = eventId,
            ["sg_message_id"] = "sg-message-1.filter0001",
        };
        if (callId is not null)
        {
            item["callId"] = callId;
        }

        if (notificationId is not null)
        {
            item["notificationId"] = notificationId;
        }

        if (reason is not null)
        {
            item["reason"] = reason;
        }

        return item;
    }

    private static byte[] Body(params Dictionary<string, object?>[] events) => JsonSerializer.SerializeToUtf8Bytes(events);

    /// <summary>A request as SendGrid signs it; each gets its own timestamp, so two requests never share a signature.</summary>
    private (string Timestamp, string Signature, byte[] Body) Signed(byte[] body)
    {
        var timestamp = Now.AddSeconds(-(++_stamp)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = _sendGrid.SignData([.. Encoding.UTF8.GetBytes(timestamp), .. body], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return (timestamp, Convert.ToBase64String(signature), body);
    }

    private Task<int> Receive((string Timestamp, string Signature, byte[] Body) request, bool withKey = true) =>
        Tracker(withKey).ReceiveAsync(request.Timestamp, request.Signature, request.Body, default);

    private Task<int> Receive(params Dictionary<string, object?>[] events) => Receive(Signed(Body(events)));

    private async Task<Rejection> Refused((string Timestamp, string Signature, byte[] Body) request, RejectionKind kind, bool withKey = true)
    {
        var rejection = await Assert.ThrowsAsync<Rejection>(() => Receive(request, withKey));
        Assert.Equal(kind, rejection.Kind);
        return rejection;
    }

    [Fact]
    public async Task A_delivered_event_moves_a_sent_email_to_delivered()
    {
        await Stored(NotificationStatus.Sent);
        var at = Now.AddMinutes(-2);

        Assert.Equal(1, await Receive(Event("delivered", "ev-1", at)));

        var row = _ledger[NotificationId];
        Assert.Equal((NotificationStatus.Delivered, at, "sg-message-1"), (row.Status, row.EventAt, row.MessageId));
    }

    [Fact]
    public async Task A_bounce_moves_a_sent_email_to_bounced_with_the_reason()
    {
        await Stored(NotificationStatus.Sent);

        Assert.Equal(1, await Receive(Event("bounce", "ev-1", Now.AddMinutes(-2), "550 5.1.1 The email account does not exist")));

        var row = _ledger[NotificationId];
        Assert.Equal(NotificationStatus.Bounced, row.Status);
        Assert.Equal("550 5.1.1 The email account does not exist", row.LastError);
    }

    [Fact]
    public async Task A_processed_event_settles_an_unconfirmed_email_as_sent_with_its_message_id()
    {
        await Stored(NotificationStatus.Unconfirmed);

        Assert.Equal(1, await Receive(Event("processed", "ev-1", Now.AddMinutes(-2))));

        var row = _ledger[NotificationId];
        Assert.Equal((NotificationStatus.Sent, "sg-message-1.filter0001"), (row.Status, row.MessageId));
    }

    [Fact]
    public async Task A_processed_event_after_delivery_does_not_move_the_email_back_to_sent()
    {
        await Stored(NotificationStatus.Sent);
        var deliveredAt = Now.AddMinutes(-2);
        await Receive(Event("delivered", "ev-1", deliveredAt));

        Assert.Equal(0, await Receive(Event("processed", "ev-2", Now.AddMinutes(-1))));

        Assert.Equal((NotificationStatus.Delivered, deliveredAt), (_ledger[NotificationId].Status, _ledger[NotificationId].EventAt));
    }

    [Fact]
    public async Task An_event_older_than_the_last_one_applied_does_not_move_the_email_back()
    {
        var deliveredAt = Now.AddMinutes(-2);
        await Stored(NotificationStatus.Delivered, eventAt: deliveredAt);

        Assert.Equal(0, await Receive(Event("bounce", "ev-1", deliveredAt.AddSeconds(-30), "421 try again later")));

        var row = _ledger[NotificationId];
        Assert.Equal((NotificationStatus.Delivered, deliveredAt, null), (row.Status, row.EventAt, row.LastError));
    }

    [Fact]
    public async Task The_same_signed_request_twice_is_answered_as_done_the_second_time_and_changes_nothing()
    {
        await Stored(NotificationStatus.Sent);
        var request = Signed(Body(Event("delivered", "ev-1", Now.AddMinutes(-2))));
        await Receive(request);
        var before = _ledger[NotificationId];
        var eventsBefore = _log.Events.Count;

        Assert.Equal(0, await Receive(request));

        Assert.Equal(before, _ledger[NotificationId]);
        Assert.Equal(eventsBefore, _log.Events.Count);
    }

    [Fact]
    public async Task A_replay_with_the_malleated_signature_r_n_minus_s_verifies_but_is_recorded_as_a_replay()
    {
        await Stored(NotificationStatus.Sent);
        var request = Signed(Body(Event("bounce", "ev-1", Now.AddMinutes(-2), "550 5.1.1 The email account does not exist")));
        Assert.Equal(1, await Receive(request));
        // Put the row back, so only the replay check (not the per-event one or the row's own history) can stop a second effect.
        var bounced = (await _ledger.FindAsync(CallId, NotificationId, default))!;
        await _ledger.TryReplaceAsync(bounced.Value with { Status = NotificationStatus.Sent, LastError = null, EventAt = null }, bounced.ETag, default);
        _log.Events.Clear();
        var before = _ledger[NotificationId];

        var malleated = (request.Timestamp, Malleate(request.Signature), request.Body);
        Assert.NotEqual(request.Signature, malleated.Item2);
        var verifier = new EventWebhookVerifier(Convert.ToBase64String(_sendGrid.ExportSubjectPublicKeyInfo()));
        Assert.True(verifier.Verify(malleated.Timestamp, malleated.Item2, malleated.Body, Now));

        Assert.Equal(0, await Receive(malleated));
        Assert.Equal(before, _ledger[NotificationId]);
        Assert.Single(_log.Requests);
    }

    /// <summary>The other valid signature of the same message: (r, n - s) for the order n of P-256.</summary>
    private static string Malleate(string signature)
    {
        var order = BigInteger.Parse("0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var reader = new AsnReader(Convert.FromBase64String(signature), AsnEncodingRules.DER).ReadSequence();
        var r = reader.ReadInteger();
        var s = reader.ReadInteger();
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(r);
            writer.WriteInteger(order - s);
        }

        return Convert.ToBase64String(writer.Encode());
    }

    [Fact]
    public async Task A_replay_with_its_signature_written_differently_still_changes_nothing()
    {
        await Stored(NotificationStatus.Sent);
        var request = Signed(Body(Event("bounce", "ev-1", Now.AddMinutes(-2), "550 5.1.1 The email account does not exist")));
        await Receive(request);
        var bounced = (await _ledger.FindAsync(CallId, NotificationId, default))!;
        await _ledger.TryReplaceAsync(bounced.Value with { Status = NotificationStatus.Sent, LastError = null, EventAt = null }, bounced.ETag, default);
        var before = _ledger[NotificationId];

        // Base64 ignores white space, so the same signature with a space in it is not the same text as the first.
        var respaced = (request.Timestamp, request.Signature[..10] + " " + request.Signature[10..], request.Body);
        int moved;
        try
        {
            moved = await Receive(respaced);
        }
        catch (Rejection rejection) when (rejection.Kind == RejectionKind.Unauthenticated)
        {
            moved = 0;
        }

        Assert.Equal(0, moved);
        Assert.Equal(before, _ledger[NotificationId]);
    }

    [Fact]
    public async Task A_tampered_body_is_refused_and_does_not_spend_the_genuine_request()
    {
        await Stored(NotificationStatus.Sent);
        var genuine = Signed(Body(Event("delivered", "ev-1", Now.AddMinutes(-2))));
        var tampered = (genuine.Timestamp, genuine.Signature, Body(Event("bounce", "ev-1", Now.AddMinutes(-2), "forged")));

        await Refused(tampered, RejectionKind.Unauthenticated);
        Assert.Equal(NotificationStatus.Sent, _ledger[NotificationId].Status);
        Assert.Empty(_log.Requests);

        Assert.Equal(1, await Receive(genuine));
        Assert.Equal(NotificationStatus.Delivered, _ledger[NotificationId].Status);
    }

    [Fact]
    public async Task Without_a_verification_key_every_request_is_refused()
    {
        await Stored(NotificationStatus.Sent);

        await Refused(Signed(Body(Event("delivered", "ev-1", Now.AddMinutes(-2)))), RejectionKind.Unauthenticated, withKey: false);

        Assert.Equal(NotificationStatus.Sent, _ledger[NotificationId].Status);
        Assert.Empty(_log.Requests);
    }

    [Fact]
    public async Task An_event_seen_before_is_skipped()
    {
        await Stored(NotificationStatus.Sent);
        var bounce = Event("bounce", "ev-1", Now.AddMinutes(-5), "550 5.1.1 The email account does not exist");
        await Receive(bounce);

        // The secretariat mends the address and re-drives the email; SendGrid then sends the old bounce again.
        var bounced = (await _ledger.FindAsync(CallId, NotificationId, default))!;
        await _ledger.TryReplaceAsync(bounced.Value with { Status = NotificationStatus.Sent, LastError = null, EventAt = null }, bounced.ETag, default);

        Assert.Equal(0, await Receive(bounce));

        Assert.Equal((NotificationStatus.Sent, null), (_ledger[NotificationId].Status, _ledger[NotificationId].LastError));
    }

    [Fact]
    public async Task The_same_event_twice_in_one_request_counts_once()
    {
        await Stored(NotificationStatus.Sent);
        var delivered = Event("delivered", "ev-1", Now.AddMinutes(-2));

        Assert.Equal(1, await Receive(delivered, delivered));
    }

    [Fact]
    public async Task Events_that_do_not_name_one_of_our_notifications_are_ignored()
    {
        await Stored(NotificationStatus.Sent);
        var at = Now.AddMinutes(-2);

        var moved = await Receive(
            Event("delivered", "ev-1", at, callId: null),
            Event("delivered", "ev-2", at, notificationId: null),
            Event("delivered", "ev-3", at, callId: "call-1"),
            Event("delivered", "ev-4", at, callId: CallId.ToUpperInvariant()),
            Event("delivered", "ev-5", at, notificationId: "someone-elses-notification"),
            Event("delivered", "ev-6", at, notificationId: new string('x', 201)));

        Assert.Equal(0, moved);
        Assert.Equal(NotificationStatus.Sent, _ledger[NotificationId].Status);
    }

    [Theory]
    [InlineData("""{"event":"delivered"}""")]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    public async Task A_signed_body_that_is_not_a_json_array_of_events_is_refused_as_invalid(string body)
    {
        var rejection = await Refused(Signed(Encoding.UTF8.GetBytes(body)), RejectionKind.Invalid);

        Assert.Equal(["body"], rejection.Errors.Keys);
    }

    /// <summary>The event log in memory: requests and events seen.</summary>
    private sealed class InMemoryDeliveryEventLog : IDeliveryEventLog
    {
        public HashSet<string> Requests { get; } = new(StringComparer.Ordinal);

        public HashSet<(string CallId, string EventIdHash)> Events { get; } = [];

        public Task<bool> TryRecordRequestAsync(string requestHash, CancellationToken cancellationToken) =>
            Task.FromResult(Requests.Add(requestHash));

        public Task<bool> HasEventAsync(string callId, string eventIdHash, CancellationToken cancellationToken) =>
            Task.FromResult(Events.Contains((callId, eventIdHash)));

        public Task RecordEventAsync(string callId, string eventIdHash, CancellationToken cancellationToken)
        {
            Events.Add((callId, eventIdHash));
            return Task.CompletedTask;
        }
    }
}
