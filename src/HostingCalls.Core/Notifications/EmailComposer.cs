using HostingCalls.Core.Calls;
using HostingCalls.Core.Invitations;
using HostingCalls.Core.Judging;
using HostingCalls.Core.MemberStates;
using HostingCalls.Core.Notifications.Emails;
using HostingCalls.Core.Offers;

namespace HostingCalls.Core.Notifications;

/// <summary>Reads what a notification is about, at send time, and writes its email in the focal point's language.</summary>
public sealed class EmailComposer(ICallStore calls, IOfferStore offers, IRankingStore rankings, NotificationOptions options, InvitationMail? invitations = null)
{
    public async Task<OutgoingEmail> ComposeAsync(Notification notification, CancellationToken cancellationToken)
    {
        var call = (await calls.FindAsync(notification.CallId, cancellationToken))?.Value
            ?? throw new InvalidDataException($"Call {notification.CallId} of notification {notification.Id} is missing.");
        if (notification.Kind == NotificationKind.Invitation)
        {
            return await (invitations ?? throw new InvalidDataException("Invitation emails are not set up.")).ComposeAsync(call, notification, cancellationToken);
        }

        var ranking = call.Decision is { } decision ? await rankings.FindAsync(call.Id, decision.RankingVersion, cancellationToken) : null;
        if (notification.OfferId is not { } offerId)
        {
            var summary = SummaryFacts(call, ranking) with { Note = notification.Note };
            return new OutgoingEmail(call.Id, notification.Id, notification.Kind, options.SecretariatEmail, "Secretariat", null,
                EmailTemplates.Render(notification.Kind, "en", summary));
        }

        var offer = (await offers.FindAsync(call.Id, offerId, cancellationToken))?.Value
            ?? throw new InvalidDataException($"Offer {offerId} of notification {notification.Id} is missing.");
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
        return new OutgoingEmail(call.Id, notification.Id, notification.Kind, details.FocalPoint.Email, details.FocalPoint.Name,
            details.PermanentMissionEmail, EmailTemplates.Render(notification.Kind, details.FocalPoint.Language, facts));
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
