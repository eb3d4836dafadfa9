namespace HostingCalls.Core.Notifications.Emails;

/// <summary>One meeting in the results summary to the secretariat; no host means nobody was assigned.</summary>
public sealed record SummaryLine(
    string MeetingId,
    string MeetingTitle,
    string? HostMemberStateName,
    string? HostCity,
    int EligibleOffers,
    int Reserves);
