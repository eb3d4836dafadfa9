using HostingCalls.Core.Calls;
using HostingCalls.Core.Invitations;
using HostingCalls.Core.Judging;
using HostingCalls.Core.MemberStates;
using HostingCalls.Core.Notifications.Emails;
using HostingCalls.Core.Offers;

namespace HostingCalls.Core.Notifications;

/// <summary>
/// Reads what a notification is about, at send time, and writes its email in the focal point's language, to the
/// addresses <see cref="RecipientRule"/> allows (read fresh, so an address the secretariat just confirmed is used).
/// </summary>
public sealed class EmailComposer(
    ICallStore calls, IOfferStore offers, IRankingStore rankings, IInvitationStore invitationStore, NotificationOptions options, InvitationMail? invitations = null)
{
    private readonly DecidedCallOffers _decided = new(offers);

    public async Task<OutgoingEmail> ComposeAsync(Notification notification, CancellationToken cancellationToken)
    {
        var call = await CallOfAsync(notification, cancellationToken);
        if (notification.Kind == NotificationKind.Invitation)
        {
            return await InvitationAsync(call, notification, cancellationToken);
        }

        var ranking = await RankingOfAsync(call, cancellationToken);
        if (notification.OfferId is not { } offerId)
        {
            return Compose(call, ranking, notification, null);
        }

        var offer = (await offers.FindAsync(call.Id, offerId, cancellationToken))?.Value
            ?? throw new InvalidDataException($"Offer {offerId} of notification {notification.Id} is missing.");
        return Compose(call, ranking, notification, offer, await InvitationsOfAsync(call, cancellationToken));
    }

    /// <summary>
    /// The emails of several notifications of one call, reading the call, its ranking and the offers once (a decided
    /// call's offers once for all its batches): each with its email, or why it cannot be written.
    /// </summary>
    public async Task<IReadOnlyList<(Notification Notification, OutgoingEmail? Email, string? Error)>> ComposeAllAsync(
        IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        if (notifications.Count == 0)
        {
            return [];
        }

        Call call;
        try
        {
            call = await CallOfAsync(notifications[0], cancellationToken);
        }
        catch (InvalidDataException exception)
        {
            return [.. notifications.Select(n => (n, (OutgoingEmail?)null, (string?)exception.Message))];
        }

        var ranking = await RankingOfAsync(call, cancellationToken);
        var found = await OffersOfAsync(call, notifications, cancellationToken);
        var recorded = notifications.Any(n => n.OfferId is not null) ? await InvitationsOfAsync(call, cancellationToken) : [];
        var composed = new List<(Notification, OutgoingEmail?, string?)>();
        foreach (var notification in notifications)
        {
            try
            {
                composed.Add((notification, notification.Kind == NotificationKind.Invitation
                    ? await InvitationAsync(call, notification, cancellationToken)
                    : Compose(call, ranking, notification, notification.OfferId is not { } offerId ? null
                        : found.GetValueOrDefault(offerId) ?? throw new InvalidDataException($"Offer {offerId} of notification {notification.Id} is missing."), recorded), null));
            }
            catch (InvalidDataException exception)
            {
                composed.Add((notification, null, exception.Message));
            }
        }

        return composed;
    }

    private async Task<IReadOnlyDictionary<string, Offer>> OffersOfAsync(Call call, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        if (call.Decision is not null)
        {
            return await _decided.OfAsync(call, cancellationToken);
        }

        var offerIds = notifications.Select(n => n.OfferId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return (await offers.FindAllAsync(call.Id, offerIds, cancellationToken)).ToDictionary(o => o.Value.Id, o => o.Value, StringComparer.Ordinal);
    }

    /// <summary>The call's invitations, where the secretariat records every address an offer's emails may go to.</summary>
    private async Task<IReadOnlyList<Invitation>> InvitationsOfAsync(Call call, CancellationToken cancellationToken) =>
        [.. (await invitationStore.ListAsync(call.Id, cancellationToken)).Select(i => i.Value)];

    private async Task<Call> CallOfAsync(Notification notification, CancellationToken cancellationToken) =>
        (await calls.FindAsync(notification.CallId, cancellationToken))?.Value
            ?? throw new InvalidDataException($"Call {notification.CallId} of notification {notification.Id} is missing.");

    private async Task<Ranking?> RankingOfAsync(Call call, CancellationToken cancellationToken) =>
        call.Decision is { } decision ? await rankings.FindAsync(call.Id, decision.RankingVersion, cancellationToken) : null;

    private Task<OutgoingEmail> InvitationAsync(Call call, Notification notification, CancellationToken cancellationToken) =>
        (invitations ?? throw new InvalidDataException("Invitation emails are not set up.")).ComposeAsync(call, notification, cancellationToken);

    /// <summary>The email, from what it is about: the offer, or none for a summary to the secretariat.</summary>
    private OutgoingEmail Compose(Call call, Ranking? ranking, Notification notification, Offer? offer, IReadOnlyList<Invitation>? recorded = null)
    {
        if (offer is null)
        {
            var summary = SummaryFacts(call, ranking) with { Note = notification.Note };
            return new OutgoingEmail(call.Id, notification.Id, notification.Kind, RecipientRule.ForSecretariat(options.SecretariatEmail),
                EmailTemplates.Render(notification.Kind, "en", summary));
        }

        // Never to an address only typed into the offer: it fails, visibly, and can be re-driven once one is confirmed.
        var recipients = RecipientRule.ForOffer(offer, recorded ?? [])
            ?? throw new InvalidDataException(
                $"No address the secretariat recorded for {offer.MemberState} on call {call.Id}: no focal point of it was invited, and an address typed into an offer is not mailed. Invite one while the call is open, then re-drive notification {notification.Id}.");
        var details = offer.Details;
        var meeting = call.FindMeeting(details.MeetingId);
        var (_, meetingDecision, place) = call.Decision?.OutcomeOf(offer.Id) ?? default;
        var facts = new EmailFacts
        {
            CallTitle = call.Title,
            Organisation = call.Organisation,
            RecipientName = details.FocalPoint.Name,
            MemberStateName = MemberStateDirectory.Find(offer.MemberState)?.Name ?? offer.MemberState,
            MeetingId = details.MeetingId,
            MeetingTitle = meeting?.Title,
            City = details.City,
            DatesStart = details.ProposedDates.Start,
            DatesEnd = details.ProposedDates.End,
            OfferId = offer.Id,
            OfferVersion = offer.Version,
            TimeZone = call.TimeZone,
            At = notification.Kind switch
            {
                NotificationKind.Receipt => offer.SubmittedAt,
                NotificationKind.Withdrawal => offer.WithdrawnAt ?? offer.UpdatedAt,
                _ => offer.UpdatedAt,
            },
            Deadline = notification.Kind is NotificationKind.Selected or NotificationKind.HostConfirmationRequest
                ? meetingDecision?.ConfirmBy
                : call.LastAcceptedAt,
            ReservePlace = place,
            Reason = FormerHostReason(call, offer.Id) ?? ReasonFor(ranking, offer),
        };
        return new OutgoingEmail(call.Id, notification.Id, notification.Kind, recipients,
            EmailTemplates.Render(notification.Kind, details.FocalPoint.Language, facts));
    }

    private static EmailFacts SummaryFacts(Call call, Ranking? ranking) => new()
    {
        CallTitle = call.Title,
        Organisation = call.Organisation,
        RecipientName = "Secretariat",
        TimeZone = call.TimeZone,
        Summary = call.Decision is not { } decision ? [] : [.. decision.Meetings.Select((d, m) =>
        {
            var meeting = call.Meetings[m];
            var host = d.HostOfferId is null ? null : ranking?.Meetings[m].Eligible.FirstOrDefault(o => o.OfferId == d.HostOfferId);
            return new SummaryLine(meeting.Id, meeting.Title, host?.MemberStateName, host?.City, ranking?.Meetings[m].Eligible.Count ?? 0, d.Reserves.Count);
        })],
    };

    /// <summary>Why a host that was selected no longer is: it declined, or did not confirm by its date.</summary>
    private static string? FormerHostReason(Call call, string offerId) =>
        call.Decision?.Meetings.SelectMany(m => m.FormerHosts.Select(f => (m.MeetingId, f))).FirstOrDefault(x => x.f.OfferId == offerId) is { f: { } former } match
            ? former.Response == Decisions.HostResponse.Lapsed
                ? $"hosting {match.MeetingId} was not confirmed by the date set; the first reserve was asked to host it instead"
                : $"hosting {match.MeetingId} was declined; the first reserve was asked to host it instead"
            : null;

    private static string? ReasonFor(Ranking? ranking, Offer offer)
    {
        var meeting = ranking?.Meetings.FirstOrDefault(m => m.MeetingId == offer.Details.MeetingId);
        return meeting?.Eligible.FirstOrDefault(o => o.OfferId == offer.Id)?.Reason
            ?? meeting?.Ineligible.FirstOrDefault(o => o.OfferId == offer.Id)?.Reason;
    }
}
