using HostingCalls.Core.Common;

namespace HostingCalls.Core.Calls;

/// <summary>A call as the secretariat sees it, with local times and the ETag for the next change.</summary>
public sealed record CallView(
    string Id,
    string Title,
    string? Organisation,
    string? Description,
    CallStatus Status,
    IReadOnlyList<Meeting> Meetings,
    string TimeZone,
    DateTimeOffset OpensAt,
    DateTimeOffset OpensAtLocal,
    DateTimeOffset Deadline,
    DateTimeOffset DeadlineLocal,
    int GracePeriodMinutes,
    decimal? FundingGapUsd,
    int HostConfirmationDays,
    DateTimeOffset ResultsDate,
    DateTimeOffset ResultsDateLocal,
    CriteriaWeights Weights,
    AssignmentRules Rules,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? ClosedAt,
    RankingRef? Ranking,
    Decisions.Decision? Decision,
    DateTimeOffset? AnnouncedAt,
    [property: System.Text.Json.Serialization.JsonPropertyName("etag")] string ETag)
{
    public static CallView Of(Stored<Call> stored)
    {
        var call = stored.Value;
        return new CallView(call.Id, call.Title, call.Organisation, call.Description, call.Status, call.Meetings, call.TimeZone,
            call.OpensAt, CallTime.InZone(call.OpensAt, call.TimeZone),
            call.Deadline, CallTime.InZone(call.Deadline, call.TimeZone),
            (int)call.GracePeriod.TotalMinutes, call.FundingGapUsd, call.HostConfirmationDays,
            call.ResultsDate, CallTime.InZone(call.ResultsDate, call.TimeZone),
            call.Weights, call.Rules, call.CreatedAt, call.CreatedBy, call.UpdatedAt, call.OpenedAt, call.ClosedAt, call.Ranking, call.Decision, call.AnnouncedAt, stored.ETag);
    }
}
