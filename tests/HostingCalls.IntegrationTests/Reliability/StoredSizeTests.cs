using HostingCalls.IntegrationTests.Support;

namespace HostingCalls.IntegrationTests.Reliability;

/// <summary>
/// Every text of an offer at its maximum length in the widest characters is stored or refused with a 4xx on Azurite
/// (which enforces 64 KiB a property), never a 500; an offer accepted at the limit can still change.
/// </summary>
[Collection(nameof(AzuriteCollection))]
[Trait("Category", "Reliability")]
public sealed class StoredSizeTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private LocalApp _app = null!;
    private string _callId = null!;

    public async Task InitializeAsync()
    {
        _app = await LocalApp.StartAsync(azurite.ConnectionString);
        _callId = await _app.OpenSampleCallAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary><paramref name="wide"/> repeated up to <paramref name="length"/> UTF-16 units, the unit the field limits count.</summary>
    private static string Fill(string wide, int length) => string.Concat(Enumerable.Repeat(wide, length / wide.Length));

    [Theory]
    [InlineData("😀")]
    [InlineData("𠀀")]
    [InlineData("\u3000x")]
    [InlineData("\u2028x")]
    [InlineData("\"\\")]
    public async Task An_offer_with_every_text_at_its_limit_is_stored_and_can_still_take_an_attachment_and_be_withdrawn(string wide)
    {
        var offer = SampleOffers.Kenya()
            .With("city", Fill(wide, 100))
            .With("security", Fill(wide, 2000))
            .With("venue", new Dictionary<string, object?> { ["name"] = Fill(wide, 200), ["description"] = Fill(wide, 4000), ["seats"] = 80, ["stepFreeAccess"] = true, ["hybridFacilities"] = true, ["interpretationBooths"] = 6 })
            .With("access", new Dictionary<string, object?> { ["nearestAirport"] = "NBO", ["airportDistanceKm"] = 18, ["visaFacilitation"] = true, ["visaNotes"] = Fill(wide, 2000) })
            .With("focalPoint", new Dictionary<string, object?> { ["name"] = Fill(wide, 200), ["email"] = "focal.point@mfa.go.ke", ["language"] = "en" });

        var submitted = await _app.SendAsync(LocalRequest.Post(offer).As(Callers.Kenya), r => _app.Offers.SubmitOffer(r, _callId, default));
        Assert.True(submitted.Status is 201 or (>= 400 and < 500), submitted.ToString());
        if (submitted.Status != 201)
        {
            Assert.StartsWith("application/problem+json", submitted.ContentType, StringComparison.Ordinal);
            return;
        }

        // Text is stored as typed, apart from the trim the text rules make.
        Assert.Equal(Fill(wide, 4000).Trim(), submitted.Json.GetProperty("venue").GetProperty("description").GetString());
        var etag = submitted.ETag;
        for (var i = 0; i < 3; i++)
        {
            var attached = await _app.SendAsync(LocalRequest.File(LocalApp.MinimalPdf).WithQuery("kind", "VenueDescription").FileNamed($"venue-{i}.pdf").As(Callers.Kenya).IfMatch(etag!),
                r => _app.Attachments.AddAttachment(r, _callId, submitted.Id, default));
            Assert.True(attached.Status is >= 200 and < 300, attached.ToString());
            etag = (await _app.SendAsync(LocalRequest.Get().As(Callers.Kenya), r => _app.Offers.GetOffer(r, _callId, submitted.Id, default))).ETag;
        }

        var withdrawn = await _app.SendAsync(LocalRequest.Post().As(Callers.Kenya).IfMatch(etag!), r => _app.Offers.WithdrawOffer(r, _callId, submitted.Id, default));
        Assert.True(withdrawn.Status is >= 200 and < 300, withdrawn.ToString());
    }

    [Theory]
    [InlineData("😀")]
    [InlineData("𠀀")]
    public async Task A_review_with_every_comment_at_its_limit_in_the_widest_characters_is_stored_or_refused_with_a_4xx(string wide)
    {
        await using var ranked = await ResultsScenario.StartAsync(azurite.ConnectionString);
        var comment = System.Text.Json.JsonSerializer.Serialize(Fill(wide, 2000));
        var review = $$"""{"scores":[{"criterion":"Venue","score":4,"comment":{{comment}}},{"criterion":"Logistics","score":3,"comment":{{comment}}},{"criterion":"Security","score":5,"comment":{{comment}}},{"criterion":"Overall","score":4,"comment":{{comment}}}]}""";

        var saved = await ranked.App.SendAsync(LocalRequest.Raw("PUT", review).As(Callers.GermanReviewer),
            r => ranked.App.Reviews.SaveReview(r, ranked.CallId, ranked.Offers["FRA EGM-1"], default));

        Assert.True(saved.Status is (>= 200 and < 300) or (>= 400 and < 500), saved.ToString());
    }
}
