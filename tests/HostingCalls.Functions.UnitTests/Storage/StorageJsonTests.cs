using HostingCalls.Functions.Storage;

namespace HostingCalls.Functions.UnitTests.Storage;

public class StorageJsonTests
{
    [Fact]
    public void Text_in_any_script_is_stored_as_it_is_one_character_a_letter()
    {
        var venue = "قاعة المؤتمرات الكبرى، نيروبي · 联合国会议中心 · Конференц-зал";

        var json = StorageJson.Write(new { venue });

        Assert.Equal($$"""{"venue":"{{venue}}"}""", json);
        Assert.Equal(venue, StorageJson.Read<Dictionary<string, string>>(json)["venue"]);
    }
}
