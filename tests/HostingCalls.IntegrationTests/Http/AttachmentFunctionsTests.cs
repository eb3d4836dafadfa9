using System.Text;
using HostingCalls.Functions.Storage;
using HostingCalls.IntegrationTests.Support;

namespace HostingCalls.IntegrationTests.Http;

[Collection(nameof(AzuriteCollection))]
public sealed class AttachmentFunctionsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const int MaxBytes = 4096;
    private LocalApp _app = null!;
    private string _callId = null!;
    private LocalResponse _offer = null!;

    public async Task InitializeAsync()
    {
        _app = await LocalApp.StartAsync(azurite.ConnectionString, new Dictionary<string, string?> { ["Attachments:MaxBytes"] = MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        _callId = await _app.OpenSampleCallAsync();
        _offer = await _app.SendAsync(LocalRequest.Post(SampleOffers.Kenya()).As(Callers.Kenya), r => _app.Offers.SubmitOffer(r, _callId, default));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<LocalResponse> Upload(byte[] content, string? kind, string? fileName, string? etag, string caller = Callers.Kenya)
    {
        var request = LocalRequest.File(content).As(caller);
        request = kind is null ? request : request.WithQuery("kind", kind);
        request = fileName is null ? request : request.FileNamed(fileName);
        request = etag is null ? request : request.IfMatch(etag);
        return _app.SendAsync(request, r => _app.Attachments.AddAttachment(r, _callId, _offer.Id, default));
    }

    private Task<LocalResponse> Download(string attachmentId, string caller) =>
        _app.SendAsync(LocalRequest.Get().As(caller), r => _app.Attachments.DownloadAttachment(r, _callId, _offer.Id, attachmentId, default));

    [Fact]
    public async Task The_official_letter_is_stored_listed_on_the_offer_and_downloadable_by_its_state_only()
    {
        var uploaded = await Upload(SampleOffers.Pdf, "OfficialLetter", "Lettre officielle – Kenya.pdf", _offer.ETag);

        Assert.Equal(201, uploaded.Status);
        var attachment = Assert.Single(uploaded.Json.GetProperty("attachments").EnumerateArray());
        Assert.Equal(("OfficialLetter", "application/pdf", SampleOffers.Pdf.Length), (attachment.GetProperty("kind").GetString(), attachment.GetProperty("contentType").GetString(), attachment.GetProperty("size").GetInt32()));
        Assert.Empty(uploaded.Json.GetProperty("warnings").EnumerateArray());
        var id = attachment.GetProperty("id").GetString()!;

        var download = await Download(id, Callers.Kenya);
        Assert.Equal(200, download.Status);
        Assert.Equal(SampleOffers.Pdf, download.Body);
        Assert.Equal("application/pdf", download.ContentType);
        Assert.Equal("nosniff", download.Headers.XContentTypeOptions.ToString());
        Assert.Equal("attachment; filename=\"Lettre officielle _ Kenya.pdf\"; filename*=UTF-8''Lettre%20officielle%20%E2%80%93%20Kenya.pdf", download.Headers.ContentDisposition.ToString());
        Assert.Equal(404, (await Download(id, Callers.France)).Status);
        Assert.Equal(404, (await Download(id, Callers.Secretariat)).Status);
        Assert.True(await _app.Storage.Blobs.GetBlobContainerClient(StorageNames.AttachmentsContainer).GetBlobClient($"{_callId}/{_offer.Id}/{id}").ExistsAsync());
    }

    [Fact]
    public async Task A_file_is_judged_by_its_content_its_name_may_not_say_otherwise_and_a_refused_one_changes_nothing()
    {
        var html = await Upload(Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), "OfficialLetter", "letter.pdf", _offer.ETag);
        var misnamed = await Upload(SampleOffers.Png, "VenueDescription", "venue.pdf", _offer.ETag);
        var png = await Upload(SampleOffers.Png, "VenueDescription", "venue.png", _offer.ETag);

        Assert.Equal(415, html.Status);
        Assert.Equal(415, misnamed.Status);
        Assert.Equal(["fileName"], misnamed.ProblemFields);
        Assert.Equal(201, png.Status);
        Assert.Equal("image/png", png.Json.GetProperty("attachments")[0].GetProperty("contentType").GetString());
        Assert.Equal(1, await CountBlobsAsync());
    }

    [Fact]
    public async Task Oversized_files_paths_in_names_unknown_kinds_and_stale_ETags_are_refused_and_leave_no_file_behind()
    {
        var oversized = new byte[MaxBytes + 1];
        SampleOffers.Pdf.CopyTo(oversized, 0);
        var exact = new byte[MaxBytes];
        SampleOffers.Pdf.CopyTo(exact, 0);

        Assert.Equal(413, (await Upload(oversized, "OfficialLetter", null, _offer.ETag)).Status);
        Assert.Equal(400, (await Upload(SampleOffers.Pdf, "OfficialLetter", "../../etc/passwd", _offer.ETag)).Status);
        Assert.Equal(400, (await Upload(SampleOffers.Pdf, "OfficialLetter", "..\\boot.ini", _offer.ETag)).Status);
        Assert.Equal(400, (await Upload(SampleOffers.Pdf, "Contract", null, _offer.ETag)).Status);
        Assert.Equal(400, (await Upload(SampleOffers.Pdf, "0", null, _offer.ETag)).Status);
        Assert.Equal(400, (await Upload(SampleOffers.Pdf, null, null, _offer.ETag)).Status);
        Assert.Equal(400, (await Upload([], "OfficialLetter", null, _offer.ETag)).Status);
        Assert.Equal(428, (await Upload(SampleOffers.Pdf, "OfficialLetter", null, null)).Status);
        Assert.Equal(404, (await Upload(SampleOffers.Pdf, "OfficialLetter", null, _offer.ETag, Callers.France)).Status);
        Assert.Equal(0, await CountBlobsAsync());

        var first = await Upload(exact, "OfficialLetter", null, _offer.ETag);
        var stale = await Upload(SampleOffers.Pdf, "VenueDescription", null, _offer.ETag);
        Assert.Equal(201, first.Status);
        Assert.Equal("OfficialLetter.pdf", first.Json.GetProperty("attachments")[0].GetProperty("fileName").GetString());
        Assert.Equal(412, stale.Status);
        Assert.Equal(1, await CountBlobsAsync());
    }

    [Fact]
    public async Task A_removed_attachment_is_gone_and_the_warning_comes_back()
    {
        var uploaded = await Upload(SampleOffers.Pdf, "OfficialLetter", null, _offer.ETag);
        var id = uploaded.Json.GetProperty("attachments")[0].GetProperty("id").GetString()!;

        var removed = await _app.SendAsync(LocalRequest.Delete().As(Callers.Kenya).IfMatch(uploaded.ETag!),
            r => _app.Attachments.RemoveAttachment(r, _callId, _offer.Id, id, default));

        Assert.Equal(200, removed.Status);
        Assert.Empty(removed.Json.GetProperty("attachments").EnumerateArray());
        Assert.Equal("OfficialLetterMissing", removed.Json.GetProperty("warnings")[0].GetProperty("code").GetString());
        Assert.Equal(404, (await Download(id, Callers.Kenya)).Status);
        Assert.Equal(0, await CountBlobsAsync());
    }

    private async Task<int> CountBlobsAsync()
    {
        var count = 0;
        await foreach (var _ in _app.Storage.Blobs.GetBlobContainerClient(StorageNames.AttachmentsContainer).GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{_callId}/{_offer.Id}/", default))
        {
            count++;
        }

        return count;
    }
}
