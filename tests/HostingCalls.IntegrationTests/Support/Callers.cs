namespace HostingCalls.IntegrationTests.Support;

/// <summary>Development-scheme identities used across the tests.</summary>
public static class Callers
{
    public const string Secretariat = "secretariat";
    public const string Kenya = "member-state KEN";
    public const string France = "member-state FRA";
    public const string Brazil = "member-state BRA";
    public const string India = "member-state IND";
    public const string Japan = "member-state JPN";

    /// <summary>A reviewer from Kenya, who may not score Kenya's offers.</summary>
    public const string KenyanReviewer = "reviewer amina KEN";
    public const string GermanReviewer = "reviewer jonas DEU";
}
