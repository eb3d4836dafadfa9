namespace HostingCalls.Core.Decisions;

/// <summary>A selected host's answer: true to confirm, false to decline.</summary>
public sealed class HostResponseInput
{
    public bool? Confirm { get; init; }
}
