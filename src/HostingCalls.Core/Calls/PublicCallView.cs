using HostingCalls.Core.MemberStates;

namespace HostingCalls.Core.Calls;

/// <summary>What a focal point needs to know about a call: its meetings and dates, nothing of the secretariat's budget or weights.</summary>
public sealed record PublicCallView(
    string Id,
    string Title,
    string? Organisation,
    string? Description,
    CallStatus Status,
    string TimeZone,
    DateTimeOffset OpensAt,
    DateTimeOffset OpensAtLocal,
    DateTimeOffset Deadline,
    DateTimeOffset DeadlineLocal,
    int GracePeriodMinutes,
    DateTimeOffset ResultsDate,
    DateTimeOffset ResultsDateLocal,
    IReadOnlyList<PublicMeetingView> Meetings)
{
    public static PublicCallView Of(Call call) => new(
        call.Id,
        call.Title,
        call.Organisation,
        call.Description,
        call.Status,
        call.TimeZone,
        call.OpensAt,
        CallTime.InZone(call.OpensAt, call.TimeZone),
        call.Deadline,
        CallTime.InZone(call.Deadline, call.TimeZone),
        (int)call.GracePeriod.TotalMinutes,
        call.ResultsDate,
        CallTime.InZone(call.ResultsDate, call.TimeZone),
        [.. call.Meetings.Select(m => new PublicMeetingView(m.Id, m.Kind, m.Title, m.WindowStart, m.WindowEnd, m.Region,
            m.Region is { } region ? MemberStateDirectory.NameOf(region) : null, m.Participants))]);
}

public sealed record PublicMeetingView(
    string Id,
    MeetingKind Kind,
    string Title,
    DateOnly WindowStart,
    DateOnly WindowEnd,
    RegionalGroup? Region,
    string? RegionName,
    int Participants);
