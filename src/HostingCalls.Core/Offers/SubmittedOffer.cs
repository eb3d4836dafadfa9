namespace HostingCalls.Core.Offers;

/// <summary>The result of a submission: the offer, and whether it was made by an earlier request with the same Idempotency-Key.</summary>
public sealed record SubmittedOffer(OfferView Offer, bool Replayed);
