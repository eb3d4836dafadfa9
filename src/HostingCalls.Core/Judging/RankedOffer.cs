using HostingCalls.Core.MemberStates;
using HostingCalls.Core.Offers;

namespace HostingCalls.Core.Judging;

/// <summary>An eligible offer in its meeting's order, with what it scored, what it covers and its outcome.</summary>
/// <param name="Rank">1 for the best offer of the meeting.</param>
/// <param name="ReservePlace">1 for the first reserve; null unless <see cref="Outcome"/> is Reserve.</param>
public sealed record RankedOffer(
    int Rank,
    string OfferId,
    string MemberState,
    string MemberStateName,
    RegionalGroup RegionalGroup,
    string City,
    DateRange ProposedDates,
    decimal Score,
    ScoreComponents Components,
    int ReviewCount,
    decimal InKindUsd,
    decimal CashUsd,
    DateTimeOffset SubmittedAt,
    OfferOutcome Outcome,
    int? ReservePlace,
    string Reason);
