namespace HostingCalls.Core.Decisions;

/// <summary>What one run of the results timer did, by call id.</summary>
public sealed record ResultsRun(IReadOnlyList<string> Announced, IReadOnlyList<string> Promoted, IReadOnlyList<string> Failed);
