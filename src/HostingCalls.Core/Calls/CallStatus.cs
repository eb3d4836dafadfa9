namespace HostingCalls.Core.Calls;

/// <summary>Draft → Open → Closed → Ranked → Decided → Announced, or Cancelled.</summary>
public enum CallStatus
{
    Draft,
    Open,
    Closed,
    Ranked,
    Decided,
    Announced,
    Cancelled,
}
