namespace HostingCalls.Functions.Access;

public sealed class DevelopmentCallerOptions
{
    /// <summary>When on, <see cref="CallerResolver.DevelopmentHeader"/> says who the caller is. Never in Azure.</summary>
    public bool Enabled { get; set; }
}
