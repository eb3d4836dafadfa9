using HostingCalls.Core.Attachments;
using HostingCalls.Core.Calls;
using HostingCalls.Core.Offers;

namespace HostingCalls.Core.UnitTests.Judging;

/// <summary>Offers for the 2023 sample call as the judging sees them: stored, with their official letter.</summary>
internal static class JudgedOffers
{
    public static readonly Attachment Letter = new("0190c0de00007000800000000000bbbb", AttachmentKind.OfficialLetter, "letter.pdf", AttachmentContent.Pdf, 10, "00", DateTimeOffset.UnixEpoch);

    private static int _next;

    /// <summary>A compliant offer from <paramref name="memberState"/> for <paramref name="meetingId"/>, with dates inside its window.</summary>
    public static Offer Make(string memberState, string meetingId, decimal cashUsd = 25000m, int minute = 0, string? id = null, Call? call = null)
    {
        call ??= Samples.Call();
        var meeting = call.FindMeeting(meetingId)!;
        var start = meeting.WindowStart.AddDays(10);
        var details = OfferRules.Apply(Samples.Offer(meetingId), call, memberState) with
        {
            ProposedDates = new DateRange(start, start.AddDays(2)),
            Coverage = new HostCoverage(true, true, true, false, false, false, cashUsd),
        };
        var submittedAt = DateTimeOffset.Parse("2023-10-02T08:00:00Z").AddMinutes(minute);
        return new Offer
        {
            Id = id ?? $"0190c0de0000700080000000{Interlocked.Increment(ref _next):x8}",
            CallId = call.Id,
            MemberState = memberState,
            Status = OfferStatus.Submitted,
            Version = 1,
            Details = details,
            Attachments = [Letter],
            SubmittedAt = submittedAt,
            SubmittedBy = "fp",
            UpdatedAt = submittedAt,
        };
    }

    public static Offer WithDetails(this Offer offer, Func<OfferDetails, OfferDetails> change) => offer with { Details = change(offer.Details) };
}
