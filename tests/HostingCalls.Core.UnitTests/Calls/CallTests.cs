using HostingCalls.Core.Access;
using HostingCalls.Core.Calls;
using HostingCalls.Core.Common;

namespace HostingCalls.Core.UnitTests.Calls;

public class CallTests
{
    [Fact]
    public void An_offer_at_the_deadline_itself_is_accepted_and_one_tick_later_refused_with_the_deadline_in_both_zones()
    {
        var call = Samples.Call();

        call.EnsureAcceptsOffersAt(call.Deadline);
        var rejection = Assert.Throws<Rejection>(() => call.EnsureAcceptsOffersAt(call.Deadline.AddTicks(1)));

        Assert.Equal(RejectionKind.Conflict, rejection.Kind);
        Assert.Contains("2023-10-31 23:59 Africa/Nairobi (UTC+03:00)", rejection.Message);
        Assert.Contains("2023-10-31 20:59 UTC", rejection.Message);
        Assert.Equal(call.Deadline, rejection.Extensions["deadline"]);
    }

    [Fact]
    public void A_grace_period_extends_acceptance_only_when_the_call_sets_one()
    {
        var call = Samples.Call() with { GracePeriod = TimeSpan.FromMinutes(15) };

        call.EnsureAcceptsOffersAt(call.Deadline.AddMinutes(15));
        var rejection = Assert.Throws<Rejection>(() => call.EnsureAcceptsOffersAt(call.Deadline.AddMinutes(15).AddTicks(1)));
        Assert.Contains("grace period of 15 minutes", rejection.Message);
    }

    [Fact]
    public void Offers_are_refused_before_opening_time_and_unless_the_call_is_open()
    {
        var call = Samples.Call();
        Assert.Throws<Rejection>(() => call.EnsureAcceptsOffersAt(call.OpensAt.AddSeconds(-1)));
        Assert.Throws<Rejection>(() => (call with { Status = CallStatus.Draft }).EnsureAcceptsOffersAt(call.OpensAt.AddDays(1)));
        Assert.Throws<Rejection>(() => (call with { Status = CallStatus.Closed }).EnsureAcceptsOffersAt(call.OpensAt.AddDays(1)));
        call.EnsureAcceptsOffersAt(call.OpensAt);
    }

    [Fact]
    public void A_draft_is_seen_by_the_secretariat_only_and_offers_stay_sealed_until_close()
    {
        var draft = Samples.Call(CallStatus.Draft);
        Assert.True(draft.IsVisibleTo(Caller.Secretariat("s")));
        Assert.False(draft.IsVisibleTo(Caller.FocalPoint("KEN", "k")));
        Assert.False(draft.IsVisibleTo(Caller.Anonymous));
        Assert.True(Samples.Call(CallStatus.Open).OffersAreSealed);
        Assert.False(Samples.Call(CallStatus.Closed).OffersAreSealed);
    }

    [Fact]
    public void Times_are_described_in_the_calls_zone_with_its_offset_and_in_UTC()
    {
        var instant = new DateTimeOffset(2024, 1, 15, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal("2024-01-15 13:00 Europe/Paris (UTC+01:00), that is 2024-01-15 12:00 UTC", CallTime.Describe(instant, "Europe/Paris"));
        Assert.Equal("2024-01-15 07:00 America/New_York (UTC-05:00), that is 2024-01-15 12:00 UTC", CallTime.Describe(instant, "America/New_York"));
    }
}
