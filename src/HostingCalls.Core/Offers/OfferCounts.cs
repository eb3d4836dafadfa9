namespace HostingCalls.Core.Offers;

/// <summary>What the secretariat may know of sealed offers: how many, per meeting.</summary>
public sealed record OfferCounts(int Active, int Withdrawn, int MemberStates, IReadOnlyList<MeetingOfferCount> Meetings);

public sealed record MeetingOfferCount(string MeetingId, int Active);
