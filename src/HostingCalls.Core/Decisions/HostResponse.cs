namespace HostingCalls.Core.Decisions;

/// <summary>Where a selected host stands with its confirmation.</summary>
public enum HostResponse
{
    /// <summary>Asked to confirm by the date the decision sets.</summary>
    Awaiting,
    Confirmed,
    Declined,

    /// <summary>Did not answer by the date: treated as a decline.</summary>
    Lapsed,
}
