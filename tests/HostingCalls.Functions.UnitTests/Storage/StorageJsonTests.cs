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

    [Theory]
    [InlineData("😀 𠀀 emoji and CJK Extension B")]
    [InlineData("\u3000 \u00A0 \u2028 wide spaces and separators")]
    [InlineData("<b>&'+</b>")]
    public void Characters_outside_the_BMP_and_odd_BMP_characters_are_not_escaped(string text)
    {
        var json = StorageJson.Write(new { text });

        Assert.Equal($$"""{"text":"{{text}}"}""", json);
        Assert.Equal(text, StorageJson.Read<Dictionary<string, string>>(json)["text"]);
    }

    [Fact]
    public void Quotes_backslashes_and_control_characters_are_still_escaped_and_read_back()
    {
        var text = "a\"b\\c\nd\u0001e";

        var json = StorageJson.Write(new { text });

        Assert.Equal("""{"text":"a\"b\\c\nd\u0001e"}""", json);
        Assert.Equal(text, StorageJson.Read<Dictionary<string, string>>(json)["text"]);
    }
}
