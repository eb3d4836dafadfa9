namespace HostingCalls.Core.Judging;

/// <summary>The recommended assignment as a whole.</summary>
/// <param name="TotalScore">The hosts' scores added up, less any regional-spread penalty.</param>
public sealed record AssignmentSummary(int Meetings, int MeetingsHosted, decimal TotalScore, decimal SpreadPenalty);
