using System.Text;
using HostingCalls.Core.Attachments;

namespace HostingCalls.Core.UnitTests.Attachments;

public class AttachmentContentTests
{
    [Fact]
    public void Files_are_recognised_by_their_bytes()
    {
        Assert.Equal(AttachmentContent.Pdf, AttachmentContent.Recognise("%PDF-1.7\n..."u8));
        Assert.Equal(AttachmentContent.Png, AttachmentContent.Recognise([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]));
        Assert.Equal(AttachmentContent.Jpeg, AttachmentContent.Recognise([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]));
    }

    [Theory]
    [InlineData("<html><script>alert(1)</script>")]
    [InlineData("MZ\u0090\u0000 executable")]
    [InlineData("PK\u0003\u0004 a zip or docx")]
    [InlineData("%PD")]
    [InlineData("")]
    public void Anything_else_is_not_recognised_whatever_it_is_called(string content) =>
        Assert.Null(AttachmentContent.Recognise(Encoding.Latin1.GetBytes(content)));

    [Theory]
    [InlineData("letter.pdf", AttachmentContent.Pdf, true)]
    [InlineData("LETTER.PDF", AttachmentContent.Pdf, true)]
    [InlineData("photo.jpeg", AttachmentContent.Jpeg, true)]
    [InlineData("photo.jpg", AttachmentContent.Jpeg, true)]
    [InlineData("Note No. 12", AttachmentContent.Pdf, true)]
    [InlineData("version 1.2", AttachmentContent.Png, true)]
    [InlineData("letter", AttachmentContent.Png, true)]
    [InlineData("scan.pdf", AttachmentContent.Png, false)]
    [InlineData("venue.png", AttachmentContent.Pdf, false)]
    [InlineData("letter.docx", AttachmentContent.Pdf, false)]
    [InlineData("run.exe", AttachmentContent.Pdf, false)]
    [InlineData("page.html", AttachmentContent.Jpeg, false)]
    [InlineData("venue.html.", AttachmentContent.Pdf, false)]
    [InlineData("venue.html..", AttachmentContent.Pdf, false)]
    [InlineData("venue.backup", AttachmentContent.Pdf, false)]
    [InlineData("letter.pdf.", AttachmentContent.Pdf, true)]
    public void A_name_must_not_say_another_kind_of_file_than_the_content_is(string name, string contentType, bool fits) =>
        Assert.Equal(fits, AttachmentContent.NameFits(name, contentType));
}
