namespace HostingCalls.Core.Judging;

/// <summary>A compliance gate an offer fails, with the field at fault and a reason a person can read.</summary>
public sealed record GateFailure(string Gate, string Field, string Reason);
