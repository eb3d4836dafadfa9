using System.Globalization;
using System.Text.Json;
using HostingCalls.Core.Invitations;
using HostingCalls.Core.Judging;
using HostingCalls.Core.MemberStates;
using HostingCalls.InProcess;
using Microsoft.Azure.Functions.Worker;

namespace HostingCalls.Rehearsal;

/// <summary>
/// A whole call, as the secretariat would rehearse it: the real function classes in order, on a clock this class
/// moves, against Azurite, with a local stand-in for SendGrid. Each step checks what a user would see.
/// </summary>
public sealed class CallRehearsal(LocalApp app, SendGridCapture sendGrid, string callJson, IReadOnlyList<PlannedOffer> offers, Progress progress)
{
    private const string Secretariat = LocalApp.Secretariat;
    private readonly Dictionary<PlannedOffer, string> _ids = [];
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private string _callId = "";
    private JsonElement _call;

    public RehearsalResult Result { get; } = new();

    public async Task RunAsync()
    {
        _call = JsonDocument.Parse(callJson).RootElement;
        var opensAt = _call.GetProperty("opensAt").GetDateTimeOffset();
        var deadline = _call.GetProperty("deadline").GetDateTimeOffset();
        var grace = _call.TryGetProperty("gracePeriodMinutes", out var g) ? g.GetInt32() : 0;
        var resultsDate = _call.GetProperty("resultsDate").GetDateTimeOffset();

        await progress.StepAsync("Open the call", async () =>
        {
            var created = (await Send(LocalRequest.Raw("POST", callJson).As(Secretariat), r => app.Calls.CreateCall(r, default))).Expect(201, "create the call");
            _callId = created.Id;
            (await Send(LocalRequest.Post().As(Secretariat).IfMatch(created.ETag!), r => app.Calls.OpenCall(r, _callId, default))).Expect(200, "open the call");
            var listed = await Send(LocalRequest.Get(), r => app.Calls.ListOpenCalls(r, default));
            Check(listed.Json.EnumerateArray().Any(c => c.GetProperty("id").GetString() == _callId), "the opened call is not listed as open");
            Result.CallTitle = created.Json.GetProperty("title").GetString()!;
            return $"call {_callId}, {_call.GetProperty("meetings").GetArrayLength()} meetings, deadline {deadline:yyyy-MM-dd HH:mm zzz}";
        });

        await progress.StepAsync("Invitations", async () =>
        {
            // One focal point per offering state, as its offer names them; every later step of theirs uses the token
            // their invitation email carries, as the portal would.
            var invited = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var offer in offers.Where(o => !invited.ContainsKey(o.MemberState)))
            {
                var focalPoint = offer.Offer["focalPoint"]!;
                var answer = await app.InviteAsync(_callId, offer.MemberState, focalPoint["email"]!.GetValue<string>(),
                    focalPoint["language"]!.GetValue<string>(), focalPoint["name"]?.GetValue<string>());
                invited[offer.MemberState] = answer.Id;
            }

            await app.SendingPump.DrainAsync();
            foreach (var (state, invitationId) in invited)
            {
                var email = InvitationLinks.EmailOf(sendGrid, invitationId);
                Check(email.Text.Contains(LocalApp.PortalUrl + InvitationMail.Fragment, StringComparison.Ordinal), $"the invitation email to {state} carries no portal link");
                _tokens[state] = InvitationLinks.TokenOf(email);
            }

            // A focal point invited twice by mistake: the second invitation is revoked and its token stops working.
            var first = offers[0];
            var spare = await app.InviteAsync(_callId, first.MemberState, "wrong.address@example.org");
            await app.SendingPump.DrainAsync();
            var spareToken = InvitationLinks.TokenOf(InvitationLinks.EmailOf(sendGrid, spare.Id));
            (await Send(LocalRequest.Post().As(Secretariat).IfMatch(spare.ETag!), r => app.Invitations.RevokeInvitation(r, _callId, spare.Id, default))).Expect(200, "revoke an invitation");
            var refused = await Send(LocalRequest.Get().Invited(spareToken), r => app.Offers.ListOffers(r, _callId, default));
            Check(refused.Status == 401, $"a revoked invitation's token got {refused.Status}, not 401");
            var me = (await Send(LocalRequest.Get().Invited(_tokens[first.MemberState]), r => app.Me.GetMe(r))).Expect(200, "ask who the token makes the caller");
            Check(me.Json.GetProperty("memberState").GetString() == first.MemberState && me.Json.GetProperty("callId").GetString() == _callId,
                "a focal point's token does not make them that state's focal point on this call");
            return $"{invited.Count} focal points invited, each email carrying its link; a spare invitation revoked and its token refused (401)";
        });

        await progress.StepAsync("Submissions", async () =>
        {
            var onTime = offers.Where(o => !o.Late).ToList();
            foreach (var (offer, n) in onTime.Select((o, n) => (o, n)))
            {
                app.Clock.SetUtcNow(opensAt.AddHours(1 + n));
                var submitted = (await Send(FocalPoint(LocalRequest.Raw("POST", offer.Json()), offer.MemberState).With("Idempotency-Key", $"rehearsal-{n}"), r => app.Offers.SubmitOffer(r, _callId, default)))
                    .Expect(201, $"submit {offer.Label}");
                _ids[offer] = submitted.Id;
                var etag = submitted.ETag!;
                if (offer.OfficialLetter)
                {
                    etag = (await Attach(offer, etag, "OfficialLetter", "official-letter.pdf")).ETag!;
                }

                if (offer.VenueDescription)
                {
                    await Attach(offer, etag, "VenueDescription", "venue.pdf");
                }
            }

            var again = await Send(FocalPoint(LocalRequest.Raw("POST", onTime[0].Json()), onTime[0].MemberState).With("Idempotency-Key", "rehearsal-0"), r => app.Offers.SubmitOffer(r, _callId, default));
            Check(again.Status == 200 && again.Id == _ids[onTime[0]], $"a retry with the same Idempotency-Key gave {again.Status}, not the same offer");
            var sealedList = await Send(LocalRequest.Get().As(Secretariat), r => app.Offers.ListOffers(r, _callId, default));
            Check(sealedList.Status == 403, "the secretariat could read sealed offers before the deadline");
            var counts = (await Send(LocalRequest.Get().As(Secretariat), r => app.Offers.CountOffers(r, _callId, default))).Expect(200, "count offers");
            var states = onTime.Select(o => o.MemberState).Distinct().Count();
            return $"{onTime.Count} offers from {states} Member States; a retry with the same key returned the same offer; sealed: the secretariat sees {counts.Json.GetProperty("active").GetInt32()} active offers as counts only";
        });

        await progress.StepAsync("A revision and a withdrawal", async () =>
        {
            var said = new List<string>();
            foreach (var offer in offers.Where(o => o.ReviseCashUsd is not null && !o.Late))
            {
                var current = await OwnOffer(offer);
                var revised = (await Send(FocalPoint(LocalRequest.Raw("PUT", offer.Json(offer.ReviseCashUsd)), offer.MemberState).IfMatch(current.ETag!),
                    r => app.Offers.ReviseOffer(r, _callId, _ids[offer], default))).Expect(200, $"revise {offer.Label}");
                Check(revised.Json.GetProperty("version").GetInt32() == 2, "a revision did not make version 2");
                var stale = await Send(FocalPoint(LocalRequest.Raw("PUT", offer.Json()), offer.MemberState).IfMatch(current.ETag!), r => app.Offers.ReviseOffer(r, _callId, _ids[offer], default));
                Check(stale.Status == 412, $"a revision with a stale ETag gave {stale.Status}, not 412");
                said.Add($"{offer.Label} revised (cash {offer.ReviseCashUsd:N0} USD; a stale ETag refused)");
            }

            foreach (var offer in offers.Where(o => o.Withdraw && !o.Late))
            {
                var current = await OwnOffer(offer);
                var withdrawn = (await Send(FocalPoint(LocalRequest.Post(), offer.MemberState).IfMatch(current.ETag!), r => app.Offers.WithdrawOffer(r, _callId, _ids[offer], default)))
                    .Expect(200, $"withdraw {offer.Label}");
                Check(withdrawn.Json.GetProperty("status").GetString() == "Withdrawn", "the withdrawn offer does not say so");
                said.Add($"{offer.Label} withdrawn");
            }

            return string.Join("; ", said);
        });

        await progress.StepAsync("The deadline", async () =>
        {
            var lastAccepted = deadline.AddMinutes(grace);
            var late = offers.Where(o => o.Late).ToList();
            app.Clock.SetUtcNow(lastAccepted.AddSeconds(1));
            foreach (var offer in late)
            {
                var refused = await Send(FocalPoint(LocalRequest.Raw("POST", offer.Json()), offer.MemberState), r => app.Offers.SubmitOffer(r, _callId, default));
                Check(refused.Status == 409, $"a late offer from {offer.MemberState} got {refused.Status}, not 409");
            }

            return late.Count == 0 ? "no late offer planned" : $"{late.Count} late offer(s) refused one second after {lastAccepted:yyyy-MM-dd HH:mm:ss zzz}";
        });

        await progress.StepAsync("Close and rank (timer)", async () =>
        {
            app.Clock.SetUtcNow(deadline.AddMinutes(grace) + RankingService.SettleTime);
            await app.ClosingTimer.CloseAndRankCalls(new TimerInfo(), default);
            await app.ClosingTimer.CloseAndRankCalls(new TimerInfo { IsPastDue = true }, default);
            var ranking = (await Send(LocalRequest.Get().As(Secretariat), r => app.Rankings.GetRanking(r, _callId, default))).Expect(200, "read the ranking");
            Check(ranking.Json.GetProperty("version").GetInt32() == 1, "two timer runs made more than one ranking");
            var judged = ranking.Json.GetProperty("offersJudged").GetInt32();
            var ineligible = ranking.Json.GetProperty("meetings").EnumerateArray().Sum(m => m.GetProperty("ineligible").GetArrayLength());
            return $"closed once; {judged} offers judged, {ineligible} ineligible; ranking version 1";
        });

        await progress.StepAsync("Reviews", async () =>
        {
            var ranking = (await Send(LocalRequest.Get().As(Secretariat), r => app.Rankings.GetRanking(r, _callId, default))).Json;
            var offering = offers.Select(o => o.MemberState).ToHashSet(StringComparer.Ordinal);
            var reviewers = MemberStateDirectory.All.Where(s => !offering.Contains(s.Code)).Take(2).Select((s, i) => ($"reviewer r{i + 1} {s.Code}", s.Code)).ToList();
            var count = 0;
            foreach (var meeting in ranking.GetProperty("meetings").EnumerateArray())
            {
                foreach (var offer in meeting.GetProperty("eligible").EnumerateArray())
                {
                    foreach (var (reviewer, _) in reviewers)
                    {
                        var offerId = offer.GetProperty("offerId").GetString()!;
                        var score = 2 + (Math.Abs(StringComparer.Ordinal.GetHashCode(offerId + reviewer)) % 4);
                        var body = new { scores = new object[] { new { criterion = "Venue", score }, new { criterion = "Logistics", score }, new { criterion = "Security", score = 4 }, new { criterion = "Overall", score, comment = "Rehearsal score." } } };
                        (await Send(LocalRequest.Put(body).As(reviewer), r => app.Reviews.SaveReview(r, _callId, offerId, default))).Expect(200, $"review offer {offerId}");
                        count++;
                    }
                }
            }

            var own = offers.FirstOrDefault(o => !o.Late && !o.Withdraw);
            if (own is not null)
            {
                var refused = await Send(LocalRequest.Put(new { scores = Array.Empty<object>() }).As($"reviewer own {own.MemberState}"), r => app.Reviews.SaveReview(r, _callId, _ids[own], default));
                Check(refused.Status == 403, $"a reviewer from {own.MemberState} could score its own country's offer ({refused.Status})");
            }

            var after = (await Send(LocalRequest.Get().As(Secretariat), r => app.Rankings.GetRanking(r, _callId, default))).Json;
            return $"{count} reviews by {reviewers.Count} reviewers ({string.Join(", ", reviewers.Select(r => r.Item2))}); a reviewer's own country refused; ranking now version {after.GetProperty("version").GetInt32()}";
        });

        await progress.StepAsync("Decision", async () =>
        {
            var call = await Send(LocalRequest.Get().As(Secretariat), r => app.Calls.GetCall(r, _callId, default));
            var version = call.Json.GetProperty("ranking").GetProperty("version").GetInt32();
            var decided = (await Send(LocalRequest.Post(new { rankingVersion = version }).As(Secretariat).IfMatch(call.ETag!), r => app.Decisions.DecideCall(r, _callId, default)))
                .Expect(200, "decide");
            Result.Ranking = (await Send(LocalRequest.Get().As(Secretariat), r => app.Rankings.GetRanking(r, _callId, default))).Json.Clone();
            Result.Csv = (await Send(LocalRequest.Get().As(Secretariat), r => app.Rankings.ExportRanking(r, _callId, default))).Expect(200, "export the ranking").Body;
            var hosted = decided.Json.GetProperty("decision").GetProperty("meetings").EnumerateArray().Count(m => m.TryGetProperty("hostOfferId", out _));
            return $"the recommended assignment of ranking {version} confirmed: {hosted} of {_call.GetProperty("meetings").GetArrayLength()} meetings hosted";
        });

        await progress.StepAsync("Results (timer)", async () =>
        {
            await app.SendingPump.DrainAsync(); // the receipts, before the results
            app.Clock.SetUtcNow(resultsDate.AddMinutes(-1));
            await app.ResultsTimer.ReleaseResults(new TimerInfo(), default);
            Check(await StatusAsync() == "Decided", "results went out before the results date");
            app.Clock.SetUtcNow(resultsDate);
            await app.ResultsTimer.ReleaseResults(new TimerInfo(), default);
            await app.ResultsTimer.ReleaseResults(new TimerInfo(), default);
            Check(await StatusAsync() == "Announced", "the call was not announced at the results date");
            return $"announced at {resultsDate:yyyy-MM-dd HH:mm zzz}, the timer run twice";
        });

        await progress.StepAsync("Sending (queue function → local SendGrid)", async () =>
        {
            var failures = await app.SendingPump.DrainAsync();
            var emails = sendGrid.Accepted.Where(e => e.CallId == _callId).ToList();
            var duplicates = emails.Count - emails.Select(e => e.NotificationId).Distinct().Count();
            Check(duplicates == 0, $"{duplicates} emails were sent twice");
            var results = emails.Count(e => e.NotificationId.Contains("-selected-", StringComparison.Ordinal) || e.NotificationId.Contains("-reserve-", StringComparison.Ordinal) || e.NotificationId.Contains("-notselected-", StringComparison.Ordinal));
            var expected = offers.Count(o => !o.Late && !o.Withdraw);
            Check(results == expected, $"{results} result emails for {expected} offers");
            Check(emails.Any(e => e.To == LocalAppSettings.SecretariatEmail), "the secretariat got no summary");
            var invitations = emails.Count(e => e.NotificationId.EndsWith("-invitation-1", StringComparison.Ordinal));
            return $"{emails.Count} emails, none twice: {invitations} invitations, {results} results, the summary, {emails.Count - invitations - results - 1} receipts, revisions and withdrawals{(failures > 0 ? $" ({failures} retried)" : "")}";
        });

        await progress.StepAsync("Host confirmation", async () =>
        {
            var decision = (await Send(LocalRequest.Get().As(Secretariat), r => app.Calls.GetCall(r, _callId, default))).Json.GetProperty("decision").GetProperty("meetings");
            var hosts = decision.EnumerateArray().Where(m => m.TryGetProperty("hostOfferId", out _)).ToList();
            var decliner = hosts.FirstOrDefault(m => m.GetProperty("reserves").GetArrayLength() > 0);
            var said = new List<string>();
            foreach (var host in hosts)
            {
                var offerId = host.GetProperty("hostOfferId").GetString()!;
                var state = host.GetProperty("hostMemberState").GetString()!;
                var confirm = decliner.ValueKind == JsonValueKind.Undefined || host.GetProperty("meetingId").GetString() != decliner.GetProperty("meetingId").GetString();
                var answer = (await Send(FocalPoint(LocalRequest.Post(new { confirm }), state), r => app.Decisions.AnswerAsHost(r, _callId, offerId, default)))
                    .Expect(200, $"answer as the host of {host.GetProperty("meetingId").GetString()}");
                if (!confirm)
                {
                    var promoted = answer.Json.GetProperty("hostMemberState").GetString();
                    said.Add($"{state} declined {host.GetProperty("meetingId").GetString()}; reserve {promoted} promoted");
                    await Send(FocalPoint(LocalRequest.Post(new { confirm = true }), promoted!), r => app.Decisions.AnswerAsHost(r, _callId, answer.Json.GetProperty("hostOfferId").GetString()!, default));
                }
            }

            await app.SendingPump.DrainAsync();
            Result.Decision = (await Send(LocalRequest.Get().As(Secretariat), r => app.Calls.GetCall(r, _callId, default))).Json.GetProperty("decision").Clone();
            Result.Notifications = (await Send(LocalRequest.Get().As(Secretariat), r => app.Notifications.ListNotifications(r, _callId, default))).Json.Clone();
            Result.Emails = [.. sendGrid.Accepted.Where(e => e.CallId == _callId)];
            return said.Count == 0 ? $"{hosts.Count} hosts confirmed (no reserve to promote)" : $"{string.Join("; ", said)}; the others confirmed";
        });

        await progress.StepAsync("Audit trail", async () =>
        {
            var entries = new List<JsonElement>();
            for (long? from = 1; from is { } next;)
            {
                var page = (await Send(LocalRequest.Get().As(Secretariat).WithQuery("from", Invariant($"{next}")).WithQuery("limit", "200"), r => app.Audit.GetAuditTrail(r, _callId, default)))
                    .Expect(200, "read the audit trail").Json;
                entries.AddRange(page.GetProperty("entries").EnumerateArray().Select(e => e.Clone()));
                from = page.TryGetProperty("next", out var more) ? more.GetInt64() : null;
            }

            var verification = (await Send(LocalRequest.Get().As(Secretariat), r => app.Audit.VerifyAuditTrail(r, _callId, default))).Expect(200, "verify the audit trail").Json.Clone();
            Result.AuditEntries = entries;
            Result.AuditVerification = verification;
            Check(verification.GetProperty("ok").GetBoolean(),
                $"the audit trail does not verify: entry {(verification.TryGetProperty("brokenAt", out var broken) ? broken.GetProperty("sequence").GetInt64() : 0)}: {(broken.ValueKind == JsonValueKind.Object ? broken.GetProperty("reason").GetString() : "")}");
            var submitted = entries.Count(e => e.GetProperty("action").GetString() == "OfferSubmitted");
            Check(submitted == offers.Count(o => !o.Late), $"the trail has {submitted} submissions for {offers.Count(o => !o.Late)} offers accepted");
            foreach (var action in new[] { "CallCreated", "CallOpened", "InvitationIssued", "InvitationRevoked", "CallClosed", "CallRanked", "CallDecided", "CallAnnounced", "ReviewRecorded", "NotificationSent", "HostConfirmed" })
            {
                Check(entries.Any(e => e.GetProperty("action").GetString() == action), $"the trail has no {action} entry");
            }

            return $"{entries.Count} entries, chained and verified; head {verification.GetProperty("headHash").GetString()![..16]}…";
        });
    }

    /// <summary>A focal point's request, signed in with the token from their invitation email.</summary>
    private LocalRequest FocalPoint(LocalRequest request, string memberState) => request.Invited(_tokens[memberState]);

    private async Task<LocalResponse> Attach(PlannedOffer offer, string etag, string kind, string fileName) =>
        (await Send(FocalPoint(LocalRequest.File(LocalApp.MinimalPdf), offer.MemberState).WithQuery("kind", kind).FileNamed(fileName).IfMatch(etag),
            r => app.Attachments.AddAttachment(r, _callId, _ids[offer], default))).Expect(201, $"attach the {kind} of {offer.Label}");

    private async Task<LocalResponse> OwnOffer(PlannedOffer offer) =>
        (await Send(FocalPoint(LocalRequest.Get(), offer.MemberState), r => app.Offers.GetOffer(r, _callId, _ids[offer], default))).Expect(200, $"read {offer.Label}");

    private async Task<string> StatusAsync() =>
        (await Send(LocalRequest.Get().As(Secretariat), r => app.Calls.GetCall(r, _callId, default))).Json.GetProperty("status").GetString()!;

    private Task<LocalResponse> Send(LocalRequest request, Func<Microsoft.AspNetCore.Http.HttpRequest, Task<Microsoft.AspNetCore.Mvc.IActionResult>> function) =>
        app.SendAsync(request, function);

    private static void Check(bool condition, string failure)
    {
        if (!condition)
        {
            throw new InvalidOperationException(failure);
        }
    }

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
