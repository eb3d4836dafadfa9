using HostingCalls.Core.Calls;
using HostingCalls.Core.Common;
using HostingCalls.Core.MemberStates;

namespace HostingCalls.Core.UnitTests.Calls;

public class CallRulesTests
{
    [Fact]
    public void The_2023_sample_call_has_its_five_meetings_in_UTC()
    {
        var call = Samples.Call(CallStatus.Draft);

        Assert.Equal(["EGM-1", "RC-1", "EGM-2", "RC-2", "EGM-3"], call.Meetings.Select(m => m.Id));
        Assert.Equal(new DateTimeOffset(2023, 10, 31, 20, 59, 59, TimeSpan.Zero), call.Deadline);
        Assert.Equal(TimeSpan.Zero, call.Deadline.Offset);
        Assert.Equal(RegionalGroup.African, call.FindMeeting("RC-1")!.Region);
        Assert.Equal(CriteriaWeights.Default, call.Weights);
    }

    [Fact]
    public void Every_bad_field_is_named_at_once()
    {
        var input = new CallInput
        {
            Title = "  ",
            Meetings =
            [
                new MeetingInput { Id = "EGM 1", Kind = MeetingKind.ExpertGroup, Title = "x", WindowStart = new DateOnly(2024, 3, 1), WindowEnd = new DateOnly(2024, 2, 1), Participants = 0, EstimatedCostUsd = -1 },
                new MeetingInput { Id = "RC-1", Kind = MeetingKind.RegionalConsultation, Title = "y", WindowStart = new DateOnly(2024, 1, 1), WindowEnd = new DateOnly(2024, 5, 31), Participants = 60, EstimatedCostUsd = 1 },
            ],
            OpensAt = DateTimeOffset.Parse("2023-11-01T00:00:00Z"),
            Deadline = DateTimeOffset.Parse("2023-10-01T00:00:00Z"),
            ResultsDate = DateTimeOffset.Parse("2023-09-01T00:00:00Z"),
            TimeZone = "Nairobi",
            Weights = new WeightsInput { CostCoverage = 0.5m, VenueAndLogistics = 0.5m, DateFit = 0.5m, Access = 0m, Reviewers = 0m },
        };

        var rejection = Assert.Throws<Rejection>(() => CallRules.Apply(input, Samples.Call(CallStatus.Draft)));

        Assert.Equal(RejectionKind.Invalid, rejection.Kind);
        Assert.Equal(
            new[] { "title", "meetings[0].id", "meetings[0].windowEnd", "meetings[0].participants", "meetings[0].estimatedCostUsd", "meetings[1].region", "deadline", "resultsDate", "timeZone", "weights" }.Order(),
            rejection.Errors.Keys.Order());
    }

    [Fact]
    public void An_expert_group_meeting_has_no_region_and_meeting_ids_are_unique()
    {
        var sample = Samples.CallInput();
        var meetings = sample.Meetings!.ToList();
        meetings[0] = new MeetingInput { Id = "RC-1", Kind = MeetingKind.ExpertGroup, Title = "t", WindowStart = new DateOnly(2024, 2, 1), WindowEnd = new DateOnly(2024, 2, 2), Region = RegionalGroup.African, Participants = 30, EstimatedCostUsd = 1 };
        var input = new CallInput
        {
            Title = sample.Title, Meetings = meetings, OpensAt = sample.OpensAt, Deadline = sample.Deadline,
            ResultsDate = sample.ResultsDate, TimeZone = sample.TimeZone,
        };

        var rejection = Assert.Throws<Rejection>(() => CallRules.Apply(input, Samples.Call(CallStatus.Draft)));

        Assert.Contains("meetings[0].region", rejection.Errors.Keys);
        Assert.Contains("meetings[1].id", rejection.Errors.Keys);
    }

    [Theory]
    [InlineData("Africa/Nairobi", true)]
    [InlineData("Europe/Paris", true)]
    [InlineData("E. Africa Standard Time", false)]
    [InlineData("UTC+3", false)]
    [InlineData("", false)]
    [InlineData("UTC", true)]
    [InlineData("Etc/UTC", true)]
    [InlineData("America/Argentina/Buenos_Aires", true)]
    [InlineData("Asia/Kathmandu", true)]
    [InlineData("localtime", false)]
    [InlineData("posixrules", false)]
    [InlineData("Factory", false)]
    [InlineData("right/UTC", false)]
    [InlineData("right/Africa/Nairobi", false)]
    [InlineData("posix/Europe/Paris", false)]
    [InlineData("africa/nairobi", false)]
    [InlineData("/etc/localtime", false)]
    [InlineData("../zoneinfo/UTC", false)]
    [InlineData("zone.tab", false)]
    public void Time_zones_are_IANA_ids(string zone, bool accepted) => Assert.Equal(accepted, CallTime.IsIanaZone(zone));

    [Fact]
    public void Weights_default_when_absent_and_must_add_up_to_one()
    {
        Assert.Equal(1m, CriteriaWeights.Default.Sum);
        var sample = Samples.CallInput();
        var input = new CallInput
        {
            Title = sample.Title, Meetings = sample.Meetings, OpensAt = sample.OpensAt, Deadline = sample.Deadline,
            ResultsDate = sample.ResultsDate, TimeZone = sample.TimeZone,
            Weights = new WeightsInput { CostCoverage = 0.2m, VenueAndLogistics = 0.2m, DateFit = 0.2m, Access = 0.2m, Reviewers = 0.2m },
        };

        Assert.Equal(0.2m, CallRules.Apply(input, Samples.Call(CallStatus.Draft)).Weights.Reviewers);
    }

    [Theory]
    [InlineData("9999-12-31T23:59:00Z", 0, "deadline")]
    [InlineData("9999-12-31T23:59:00Z", 60, "deadline")]
    [InlineData("2040-01-01T00:00:00Z", 0, "deadline")]
    public void Dates_beyond_the_horizon_are_refused_naming_the_field_not_overflowing(string deadline, int grace, string field)
    {
        var sample = Samples.CallInput();
        var input = new CallInput
        {
            Title = sample.Title, Meetings = sample.Meetings, OpensAt = sample.OpensAt, Deadline = DateTimeOffset.Parse(deadline),
            GracePeriodMinutes = grace, ResultsDate = DateTimeOffset.Parse("9999-12-20T00:00:00Z"), TimeZone = sample.TimeZone,
        };

        var rejection = Assert.Throws<Rejection>(() => CallRules.Apply(input, Samples.Call(CallStatus.Draft)));

        Assert.Equal(RejectionKind.Invalid, rejection.Kind);
        Assert.Contains(field, rejection.Errors.Keys);
        Assert.Contains("resultsDate", rejection.Errors.Keys);
    }

    [Fact]
    public void A_grace_period_out_of_range_is_refused_without_computing_with_it()
    {
        var sample = Samples.CallInput();
        var input = new CallInput
        {
            Title = sample.Title, Meetings = sample.Meetings, OpensAt = sample.OpensAt, Deadline = sample.Deadline,
            GracePeriodMinutes = int.MaxValue, ResultsDate = sample.ResultsDate, TimeZone = sample.TimeZone,
        };

        var rejection = Assert.Throws<Rejection>(() => CallRules.Apply(input, Samples.Call(CallStatus.Draft)));

        Assert.Equal(["gracePeriodMinutes"], rejection.Errors.Keys);
    }
}
