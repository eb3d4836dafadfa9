namespace HostingCalls.Core.MemberStates;

/// <summary>The five United Nations regional groups.</summary>
public enum RegionalGroup
{
    African,
    AsiaPacific,
    EasternEuropean,
    LatinAmericanAndCaribbean,
    WesternEuropeanAndOthers,
}
