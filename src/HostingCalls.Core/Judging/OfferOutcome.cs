namespace HostingCalls.Core.Judging;

public enum OfferOutcome
{
    Selected,
    Reserve,
    NotSelected,
    Ineligible,
}
