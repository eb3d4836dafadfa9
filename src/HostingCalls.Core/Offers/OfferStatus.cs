namespace HostingCalls.Core.Offers;

/// <summary>Submitted → (Revised)* → Withdrawn | Closed → Eligible | Ineligible → Selected | Reserve | NotSelected.</summary>
public enum OfferStatus
{
    Submitted,
    Revised,
    Withdrawn,
    Closed,
    Eligible,
    Ineligible,
    Selected,
    Reserve,
    NotSelected,
}
