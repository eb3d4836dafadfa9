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
}
