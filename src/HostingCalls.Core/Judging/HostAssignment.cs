namespace HostingCalls.Core.Judging;

/// <summary>The hosts chosen for a call's meetings.</summary>
/// <param name="Chosen">Chosen[i] is the index into slots[i].Candidates of the host, or null when the meeting gets none.</param>
/// <param name="Hosted">How many meetings have a host.</param>
/// <param name="Points">The hosts' points, less any preferred-spread penalty.</param>
public sealed record HostAssignment(IReadOnlyList<int?> Chosen, int Hosted, long Points);
