using HostingCalls.Core.MemberStates;

namespace HostingCalls.Core.UnitTests.MemberStates;

public class MemberStateDirectoryTests
{
    [Fact]
    public void All_193_Member_States_are_known_each_in_one_regional_group()
    {
        Assert.Equal(193, MemberStateDirectory.All.Count);
        Assert.All(MemberStateDirectory.All, s => Assert.Matches("^[A-Z]{3}$", s.Code));
        Assert.Equal(5, MemberStateDirectory.All.Select(s => s.RegionalGroup).Distinct().Count());
        Assert.Equal(54, MemberStateDirectory.All.Count(s => s.RegionalGroup == RegionalGroup.African));
        Assert.Equal(33, MemberStateDirectory.All.Count(s => s.RegionalGroup == RegionalGroup.LatinAmericanAndCaribbean));
        Assert.Equal(23, MemberStateDirectory.All.Count(s => s.RegionalGroup == RegionalGroup.EasternEuropean));
    }

    [Theory]
    [InlineData("KEN", "Kenya", RegionalGroup.African)]
    [InlineData("FRA", "France", RegionalGroup.WesternEuropeanAndOthers)]
    [InlineData("CHN", "China", RegionalGroup.AsiaPacific)]
    [InlineData("BRA", "Brazil", RegionalGroup.LatinAmericanAndCaribbean)]
    [InlineData("POL", "Poland", RegionalGroup.EasternEuropean)]
    public void A_state_is_found_by_its_exact_code(string code, string name, RegionalGroup group)
    {
        var state = MemberStateDirectory.Find(code);
        Assert.Equal(name, state!.Name);
        Assert.Equal(group, state.RegionalGroup);
    }

    [Theory]
    [InlineData("ken")]
    [InlineData("KE")]
    [InlineData("VAT")]
    [InlineData("PSE")]
    [InlineData("TWN")]
    [InlineData(null)]
    public void Lower_case_two_letter_and_non_member_codes_are_not_Member_States(string? code) =>
        Assert.Null(MemberStateDirectory.Find(code));
}
