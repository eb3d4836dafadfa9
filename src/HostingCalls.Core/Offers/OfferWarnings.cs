using HostingCalls.Core.Calls;
using HostingCalls.Core.Judging;

namespace HostingCalls.Core.Offers;

/// <summary>The compliance gates an offer would fail today, told while they can still be mended.</summary>
public static class OfferWarnings
{
    public static IReadOnlyList<OfferWarning> For(Offer offer, Call call) =>
        call.FindMeeting(offer.Details.MeetingId) is { } meeting
            ? [.. ComplianceGates.Check(offer, meeting, call.Rules).Select(f => new OfferWarning(f.Gate, f.Field, f.Reason))]
            : [];
}
