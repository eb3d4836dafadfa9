namespace HostingCalls.Core.Judging;

/// <summary>What one run of the closing timer did: calls it closed and rankings it stored, by call id.</summary>
public sealed record CallClosingRun(IReadOnlyList<string> Closed, IReadOnlyList<string> Ranked, IReadOnlyList<string> Failed);
