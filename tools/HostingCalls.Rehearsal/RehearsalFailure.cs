namespace HostingCalls.Rehearsal;

/// <summary>A step did not behave: the rehearsal stops and says which and why.</summary>
public sealed class RehearsalFailure(string step, string why) : Exception($"{step}: {why}")
{
    public string Step { get; } = step;

    public string Why { get; } = why;
}
