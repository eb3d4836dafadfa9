namespace HostingCalls.Core.Judging;

/// <summary>An offer's reviews in one figure: how many, and their mean on a 0–1 scale (a score of 1 is 0, 5 is 1).</summary>
public readonly record struct ReviewTally(int Count, decimal Mean)
{
    public static ReviewTally None => default;
}
