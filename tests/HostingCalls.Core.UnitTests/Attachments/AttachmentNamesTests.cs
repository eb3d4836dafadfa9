using HostingCalls.Core.Attachments;
using HostingCalls.Core.Common;

namespace HostingCalls.Core.UnitTests.Attachments;

public class AttachmentNamesTests
{
    [Theory]
    [InlineData("letter.pdf", "letter.pdf")]
    [InlineData("letter.pdf.", "letter.pdf")]
    [InlineData("letter.pdf . .", "letter.pdf")]
    [InlineData("Note No. 12", "Note No. 12")]
    [InlineData("Lettre officielle de la Re\u0301publique.pdf", "Lettre officielle de la République.pdf")]
    [InlineData("外务部函件.pdf", "外务部函件.pdf")]
    [InlineData("version 1.2", "version 1.2")]
    [InlineData("plan.docx", "plan.docx")]
    public void A_name_is_stored_as_Windows_would_save_it(string given, string stored)
    {
        var errors = new FieldErrors();

        Assert.Equal(stored, AttachmentNames.Normalise(errors, given));
        Assert.False(errors.Any);
    }

    [Theory]
    [InlineData("venue.html")]
    [InlineData("venue.html.")]
    [InlineData("venue.html..")]
    [InlineData("venue.html. ")]
    [InlineData("venue.HTM")]
    [InlineData("venue.svg")]
    [InlineData("venue.xhtml")]
    [InlineData("run.exe")]
    [InlineData("run.bat")]
    [InlineData("run.cmd")]
    [InlineData("run.com")]
    [InlineData("setup.msi")]
    [InlineData("script.ps1")]
    [InlineData("script.sh")]
    [InlineData("script.vbs")]
    [InlineData("script.js")]
    [InlineData("app.jar")]
    [InlineData("screen.scr")]
    [InlineData("page.hta")]
    [InlineData("page.php")]
    [InlineData("venue.ht\u200Bml")]
    [InlineData("venue.pd\u00ADf")]
    [InlineData("venue\u202Efdp.exe")]
    [InlineData("venue\u202Elmth.pdf")]
    [InlineData("venue.pdf\uFEFF")]
    [InlineData("venue.backup")]
    [InlineData("venue.pdfhtml")]
    [InlineData("venue.pdf\u3000")]
    [InlineData("venue.pdf\u00A0")]
    [InlineData("venue\u0000.pdf")]
    [InlineData("../venue.pdf")]
    [InlineData("C:venue.pdf")]
    [InlineData(" venue.pdf")]
    [InlineData("...")]
    [InlineData(". .")]
    [InlineData("\u200B.pdf")]
    [InlineData("CON.pdf")]
    [InlineData("nul")]
    [InlineData("")]
    public void Active_hidden_or_misleading_names_are_refused(string given)
    {
        var errors = new FieldErrors();

        Assert.Null(AttachmentNames.Normalise(errors, given));

        Assert.True(errors.Any);
    }

    [Fact]
    public void A_name_over_the_limit_after_normalising_is_refused()
    {
        var errors = new FieldErrors();

        Assert.Null(AttachmentNames.Normalise(errors, new string('a', AttachmentNames.MaxLength - 3) + ".pdf"));

        Assert.True(errors.Any);
    }
}
