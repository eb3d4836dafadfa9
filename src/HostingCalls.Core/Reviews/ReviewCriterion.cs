namespace HostingCalls.Core.Reviews;

/// <summary>What reviewers judge that the offer's own figures cannot tell.</summary>
public enum ReviewCriterion
{
    /// <summary>The venue itself: rooms, accessibility, suitability for the meeting.</summary>
    Venue,

    /// <summary>Hotels, transport, catering and the host's capacity to organise.</summary>
    Logistics,

    /// <summary>Security and safety of participants.</summary>
    Security,

    /// <summary>The offer as a whole, including the official letter.</summary>
    Overall,
}
