namespace HostingCalls.Core.Offers;

/// <summary>Something the focal point can still mend before the deadline; the offer is stored all the same.</summary>
public sealed record OfferWarning(string Code, string Field, string Message);
