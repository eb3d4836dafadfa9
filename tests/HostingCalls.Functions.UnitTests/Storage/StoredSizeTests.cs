using Azure.Data.Tables;
using HostingCalls.Core.Common;
using HostingCalls.Functions.Storage;

namespace HostingCalls.Functions.UnitTests.Storage;

public class StoredSizeTests
{
    private static TableEntity Row(object document) => new("call", "offer|1") { ["Type"] = "Offer", ["Data"] = StorageJson.Write(document) };

    [Fact]
    public void A_row_within_the_limits_is_written_as_it_is()
    {
        var row = Row(new { city = "😀 Nairobi" });

        Assert.Same(row, StoredSize.Checked(row, "offer"));
    }

    [Fact]
    public void A_property_over_64_KiB_once_stored_is_a_413_naming_the_longest_texts()
    {
        var row = Row(new { city = "Nairobi", venue = new { description = string.Concat(Enumerable.Repeat("😀", 17_000)) }, security = string.Concat(Enumerable.Repeat("𠀀", 100)) });

        var rejection = Assert.Throws<Rejection>(() => StoredSize.Checked(row, "offer"));

        Assert.Equal(RejectionKind.TooLarge, rejection.Kind);
        Assert.Equal("venue.description", rejection.Errors.Keys.First());
        Assert.Contains("security", rejection.Errors.Keys);
    }

    [Fact]
    public void An_offer_at_submit_keeps_headroom_for_later_changes()
    {
        var row = Row(new { description = new string('a', (StoredSize.PropertyBytes - StoredSize.OfferHeadroomBytes) / 2) });

        Assert.Same(row, StoredSize.Checked(row, "offer"));
        Assert.Throws<Rejection>(() => StoredSize.Checked(row, "offer", StoredSize.OfferHeadroomBytes));
    }
}
