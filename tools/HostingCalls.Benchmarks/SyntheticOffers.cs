using HostingCalls.Core.Attachments;
using HostingCalls.Core.Calls;
using HostingCalls.Core.Invitations;
using HostingCalls.Core.MemberStates;
using HostingCalls.Core.Offers;

namespace HostingCalls.Benchmarks;

/// <summary>Offers for the sample call from every Member State, most eligible, some not, from a fixed seed.</summary>
public static class SyntheticOffers
{
    private static readonly Attachment Letter = new("0190c0de00007000800000000000bbbb", AttachmentKind.OfficialLetter, "letter.pdf", AttachmentContent.Pdf, 10, "00", DateTimeOffset.UnixEpoch);

    public static List<Offer> For(Call call, int count, int seed = 20231130)
    {
        var random = new Random(seed);
        var states = MemberStateDirectory.All.ToArray();
        var offers = new List<Offer>(count);
        for (var i = 0; i < count; i++)
        {
            var meeting = call.Meetings[random.Next(call.Meetings.Count)];
            var inRegion = meeting.Region is { } region ? states.Where(s => s.RegionalGroup == region).ToArray() : states;
            var state = random.Next(10) > 0 ? inRegion[random.Next(inRegion.Length)] : states[random.Next(states.Length)];
            var span = Math.Max(1, meeting.WindowEnd.DayNumber - meeting.WindowStart.DayNumber - 2);
            var start = meeting.WindowStart.AddDays(random.Next(span));
            var at = call.OpensAt.AddSeconds(i);
            offers.Add(new Offer
            {
                Id = Guid.CreateVersion7(at).ToString("N"),
                CallId = call.Id,
                MemberState = state.Code,
                Status = OfferStatus.Submitted,
                Version = 1,
                Details = new OfferDetails(meeting.Id, "City", new Venue("Venue", 20 + random.Next(100), random.Next(2) == 0, random.Next(2) == 0, random.Next(7), null),
                    new DateRange(start, start.AddDays(2)), new HostAccess("NBO", random.Next(300), random.Next(2) == 0, null), null,
                    new HostCoverage(random.Next(2) == 0, random.Next(2) == 0, random.Next(2) == 0, random.Next(2) == 0, random.Next(2) == 0, random.Next(2) == 0, random.Next(10) * 10000m),
                    random.Next(10) > 0, new FocalPoint("Focal point", $"fp{i}@example.org", "en"), null),
                Attachments = random.Next(10) > 0 ? [Letter] : [],
                SubmittedAt = at,
                SubmittedBy = "benchmark",
                UpdatedAt = at,
            });
        }

        return offers;
    }

    /// <summary>One invitation per state that offered, at the first of its offers' addresses.</summary>
    public static List<Invitation> InvitationsFor(Call call, IReadOnlyList<Offer> offers) =>
        [.. offers.GroupBy(o => o.MemberState).Select(g => new Invitation
        {
            Id = Guid.CreateVersion7(call.OpensAt).ToString("N"),
            CallId = call.Id,
            MemberState = g.Key,
            Email = g.First().Details.FocalPoint.Email,
            Language = "en",
            Status = InvitationStatus.Active,
            IssuedAt = call.OpensAt,
            IssuedBy = "benchmark",
            ExpiresAt = call.ResultsDate.AddDays(60),
        })];
}
