using HostingCalls.Core.Common;

namespace HostingCalls.Core.UnitTests.Common;

public class TextRulesTests
{
    [Theory]
    [InlineData("\u200B")]
    [InlineData("\uFEFF\uFEFF")]
    [InlineData("\u00AD")]
    [InlineData("\u200B\u200C\u200D\u2060")]
    [InlineData("\u202E\u202D\u2066\u2069\u061C")]
    [InlineData(" \u3000\u00A0 ")]
    [InlineData("\u3164\u115F")]
    [InlineData("\u0301\u0301")]
    public void Text_of_only_invisible_characters_is_refused_as_required(string value)
    {
        var errors = new FieldErrors();

        Assert.Null(TextRules.Required(errors, "city", value, 100));

        Assert.True(errors.Any);
    }

    [Fact]
    public void Optional_text_of_only_invisible_characters_is_no_text() =>
        Assert.Null(TextRules.Optional(new FieldErrors(), "security", "\u200B\u00AD", 2000));

    [Theory]
    [InlineData("Nairobi", 7)]
    [InlineData("\u200BNai\u00ADrobi\uFEFF", 7)]
    [InlineData("😀😀", 2)]
    [InlineData("𠀀𠀁", 2)]
    [InlineData("Café", 4)]
    [InlineData("Cafe\u0301", 4)]
    [InlineData("a b", 2)]
    public void Visible_length_counts_what_a_reader_sees(string text, int visible) =>
        Assert.Equal(visible, TextRules.VisibleLength(text));

    [Fact]
    public void A_minimum_length_counts_visible_characters_only()
    {
        var errors = new FieldErrors();
        Assert.Null(TextRules.Required(errors, "justification", new string('\u200B', 20), 2000, multiline: true, minLength: 20));
        Assert.Null(TextRules.Required(errors, "justification", "Too short" + new string('\u00AD', 30), 2000, multiline: true, minLength: 20));
        Assert.True(errors.Any);

        var fine = new FieldErrors();
        Assert.Equal("Bonn offered the UN campus.", TextRules.Required(fine, "justification", "Bonn offered the UN campus.", 2000, multiline: true, minLength: 20));
        Assert.False(fine.Any);
    }

    [Fact]
    public void Invisible_padding_still_counts_towards_the_maximum()
    {
        var errors = new FieldErrors();

        Assert.Null(TextRules.Required(errors, "city", "Paris" + new string('\u200B', 100), 100));

        Assert.True(errors.Any);
    }

    [Fact]
    public void Visible_text_keeps_its_format_characters_as_written()
    {
        // Joiners are part of Persian words and emoji sequences: counted as nothing, kept as they are.
        var errors = new FieldErrors();

        Assert.Equal("می\u200Cخواهم", TextRules.Required(errors, "venue.name", "می\u200Cخواهم", 200));
        Assert.False(errors.Any);
    }

    [Theory]
    [InlineData("fp@mfa.go.ke", "fp@mfa.go.ke")]
    [InlineData("  fp@Mfa.Go.Ke ", "fp@Mfa.Go.Ke")]
    [InlineData("fp@bücher.example", "fp@xn--bcher-kva.example")]
    [InlineData("fp@BÜCHER.example", "fp@xn--bcher-kva.example")]
    [InlineData("focal@外务部.中国", "focal@xn--zfr13m526c.xn--fiqs8s")]
    public void An_address_is_stored_with_its_domain_in_punycode(string value, string stored)
    {
        var errors = new FieldErrors();

        Assert.Equal(stored, TextRules.Email(errors, "email", value, required: true));
        Assert.False(errors.Any);
    }

    [Theory]
    [InlineData("fp@mfa\u202Eek.og")]
    [InlineData("\u202Efp@mfa.go.ke")]
    [InlineData("fp\u200B@mfa.go.ke")]
    [InlineData("fp@mfa.go\u200B.ke")]
    [InlineData("fp@mfa.go.ke\uFEFF")]
    [InlineData("f\u00ADp@mfa.go.ke")]
    [InlineData("fp@mfa.go.ke\u0007")]
    [InlineData("\u200B")]
    [InlineData("fp@b\u00FCcher_x.example")]
    [InlineData("fp@-bücher.example")]
    [InlineData("Name <fp@mfa.go.ke>")]
    [InlineData("fp@localhost")]
    public void Addresses_with_control_or_format_characters_or_bad_domains_are_refused(string value)
    {
        var errors = new FieldErrors();

        Assert.Null(TextRules.Email(errors, "email", value, required: true));

        Assert.True(errors.Any);
    }

    [Theory]
    [InlineData("fp@xn--bcher-kva.example", "fp@bücher.example")]
    [InlineData("focal@xn--zfr13m526c.xn--fiqs8s", "focal@外务部.中国")]
    [InlineData("fp@mfa.go.ke", "fp@mfa.go.ke")]
    [InlineData("fp@xn--.example", "fp@xn--.example")]
    public void A_stored_punycode_domain_is_shown_in_its_own_script(string stored, string shown)
    {
        Assert.Equal(shown, TextRules.EmailForDisplay(stored));
    }
}
