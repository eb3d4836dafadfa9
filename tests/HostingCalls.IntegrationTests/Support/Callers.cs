namespace HostingCalls.IntegrationTests.Support;

/// <summary>Development-scheme identities used across the tests.</summary>
public static class Callers
{
    public const string Secretariat = "secretariat";
    public const string Kenya = "member-state KEN";
    public const string France = "member-state FRA";
    public const string Brazil = "member-state BRA";
}
