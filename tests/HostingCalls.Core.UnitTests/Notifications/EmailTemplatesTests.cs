using System.Net;
using HostingCalls.Core.Notifications;
using HostingCalls.Core.Notifications.Emails;

namespace HostingCalls.Core.UnitTests.Notifications;

public class EmailTemplatesTests
{
    private const string Zone = "Africa/Nairobi";
    private const string Received = "2023-10-02 11:00 (Africa/Nairobi, UTC+03:00)";
    private const string CallDeadline = "2023-10-31 23:59 (Africa/Nairobi, UTC+03:00)";

    private static readonly EmailFacts Facts = new()
    {
        CallTitle = "Call for offers to host UN-Habitat meetings in 2024",
        Organisation = "UN-Habitat",
        RecipientName = "Ms. Amina Odhiambo",
        MemberStateName = "Kenya",
        MeetingId = "EGM-1",
        MeetingTitle = "First in-person meeting of the Expert Group",
        City = "Nairobi",
        DatesStart = new DateOnly(2024, 2, 11),
        DatesEnd = new DateOnly(2024, 2, 13),
        OfferId = "OFR-42",
        OfferVersion = 3,
        TimeZone = Zone,
        At = DateTimeOffset.Parse("2023-10-02T08:00:00Z"),
        Deadline = DateTimeOffset.Parse("2023-10-31T20:59:00Z"),
        ReservePlace = 2,
        Reason = "Lower score than the selected offer.",
        Note = "Kenya declined EGM-1; Brazil was promoted.",
        Link = "https://portal.example/#invitation=v1.k1.eyJjIjoiMDEifQ.bWFj",
        ValidUntil = DateTimeOffset.Parse("2024-01-13T06:00:00Z"),
        Summary =
        [
            new("EGM-1", "First in-person meeting of the Expert Group", "Brazil", "Rio de Janeiro", 3, 1),
            new("EGM-2", "Second meeting of the Expert Group", null, null, 0, 0),
        ],
    };

    // Every fact field carries markup, each different, so each can be looked for on its own.
    private static readonly EmailFacts Hostile = Facts with
    {
        CallTitle = "Call <script>alert('title')</script>",
        Organisation = "Org <b>bold</b> & co",
        RecipientName = "<script>alert(1)</script>",
        MemberStateName = "<svg onload=alert(2)>",
        MeetingId = "EGM-<1>",
        MeetingTitle = "<i>Expert</i> & \"group\"",
        City = "<img src=x onerror=alert(1)>",
        OfferId = "OFR-<42>",
        Reason = "Cost & <b>venue</b>",
        Note = "Kenya <script>declined</script> & Brazil",
        Summary = [new("<u>EGM-9</u>", "<script>title</script>", "<img src=y>", "A & B <c>", 3, 1)],
    };

    public static TheoryData<NotificationKind, string> KindsAndLanguages()
    {
        var data = new TheoryData<NotificationKind, string>();
        foreach (var kind in Enum.GetValues<NotificationKind>())
        {
            foreach (var language in EmailTemplates.Languages)
            {
                data.Add(kind, language);
            }
        }

        return data;
    }

    [Fact]
    public void The_six_official_languages_are_offered()
    {
        Assert.Equal(["ar", "zh", "en", "fr", "ru", "es"], EmailTemplates.Languages);
    }

    [Theory]
    [MemberData(nameof(KindsAndLanguages))]
    public void Every_kind_renders_in_every_language_as_a_complete_document(NotificationKind kind, string language)
    {
        var email = EmailTemplates.Render(kind, language, Facts);

        Assert.False(string.IsNullOrWhiteSpace(email.Subject));
        Assert.False(string.IsNullOrWhiteSpace(email.Text));
        var dir = language == "ar" ? "rtl" : "ltr";
        Assert.StartsWith($"<!DOCTYPE html>\n<html lang=\"{language}\" dir=\"{dir}\">", email.Html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<", email.Text, StringComparison.Ordinal);
        Assert.Contains(Facts.CallTitle, email.Text);
        Assert.Contains(Facts.RecipientName, email.Text);
        Assert.Contains(Facts.Organisation!, email.Text);
        Assert.Contains(WebUtility.HtmlEncode(Facts.RecipientName), email.Html);
        if (kind is not (NotificationKind.Summary or NotificationKind.Invitation))
        {
            Assert.Contains("EGM-1", email.Subject);
        }

        // Only an invitation carries a link, in both forms.
        Assert.Equal(kind == NotificationKind.Invitation, email.Text.Contains(Facts.Link!, StringComparison.Ordinal));
        Assert.Equal(kind == NotificationKind.Invitation, email.Html.Contains($"href=\"{Facts.Link}\"", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(KindsAndLanguages))]
    public void Markup_in_any_fact_is_encoded_in_html_and_kept_as_is_in_text(NotificationKind kind, string language)
    {
        var email = EmailTemplates.Render(kind, language, Hostile);

        Assert.DoesNotContain("<script", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<i>", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<u>", email.Html, StringComparison.OrdinalIgnoreCase);
        foreach (var fact in Shown(kind, Hostile))
        {
            Assert.Contains(WebUtility.HtmlEncode(fact), email.Html);
            Assert.Contains(fact, email.Text);
        }
    }

    [Theory]
    [MemberData(nameof(KindsAndLanguages))]
    public void Line_breaks_in_facts_never_reach_the_subject(NotificationKind kind, string language)
    {
        var facts = Facts with { CallTitle = "Call\r\nBcc: victim@example.org", MeetingId = "EGM-1\nX-Injected: yes" };

        var subject = EmailTemplates.Render(kind, language, facts).Subject;

        Assert.DoesNotContain('\r', subject);
        Assert.DoesNotContain('\n', subject);
        Assert.Contains("Call Bcc: victim@example.org", subject);
    }

    [Fact]
    public void A_long_call_title_is_cut_short_in_the_subject_only()
    {
        var title = string.Concat(Enumerable.Repeat("Expert meetings ", 10));

        var email = EmailTemplates.Render(NotificationKind.Receipt, "en", Facts with { CallTitle = title });

        Assert.True(email.Subject.Length < 100, email.Subject);
        Assert.EndsWith("…", email.Subject, StringComparison.Ordinal);
        Assert.Contains(title, email.Text);
    }

    [Fact]
    public void The_english_receipt_gives_the_offer_its_version_and_the_times_in_the_call_zone()
    {
        var email = EmailTemplates.Render(NotificationKind.Receipt, "en", Facts);

        Assert.Equal("Offer received – EGM-1 – Call for offers to host UN-Habitat meetings in 2024", email.Subject);
        Assert.Contains("Dear Ms. Amina Odhiambo,", email.Text);
        Assert.Contains("Offer reference: OFR-42", email.Text);
        Assert.Contains("Version: 3", email.Text);
        Assert.Contains("Dates: 11 February 2024 – 13 February 2024", email.Text);
        Assert.Contains($"Received: {Received}", email.Text);
        Assert.Contains($"Deadline for offers: {CallDeadline}", email.Text);
        Assert.Contains($"until the deadline, {CallDeadline}.", email.Text);
        Assert.Contains($"<bdi>{CallDeadline}</bdi>", email.Html);
        Assert.Contains("<bdi>OFR-42</bdi>", email.Html);
    }

    [Fact]
    public void The_french_receipt_gives_the_same_facts_in_french()
    {
        var email = EmailTemplates.Render(NotificationKind.Receipt, "fr", Facts);

        Assert.StartsWith("Accusé de réception de votre offre – EGM-1 – ", email.Subject, StringComparison.Ordinal);
        Assert.Contains("À l’attention de Ms. Amina Odhiambo\nMadame, Monsieur,", email.Text);
        Assert.Contains("Référence de l’offre\u00A0: OFR-42", email.Text);
        Assert.Contains("Version\u00A0: 3", email.Text);
        Assert.Contains("Dates\u00A0: 11 février 2024 – 13 février 2024", email.Text);
        Assert.Contains($"Reçue le\u00A0: {Received}", email.Text);
        Assert.Contains($"Date limite de dépôt des offres\u00A0: {CallDeadline}", email.Text);
        Assert.Contains($"jusqu’à la date limite, fixée au {CallDeadline}.", email.Text);
        Assert.Contains($"<bdi>{CallDeadline}</bdi>", email.Html);
    }

    [Fact]
    public void The_arabic_selection_reads_right_to_left_and_isolates_the_confirmation_date()
    {
        var confirmBy = DateTimeOffset.Parse("2023-11-15T14:00:00Z");
        var shown = "2023-11-15 17:00 (Africa/Nairobi, UTC+03:00)";

        var email = EmailTemplates.Render(NotificationKind.Selected, "ar", Facts with { Deadline = confirmBy });

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">", email.Html, StringComparison.Ordinal);
        Assert.Contains("text-align:right;", email.Html);
        Assert.Contains($"<bdi>{shown}</bdi>", email.Html);
        Assert.Contains($"آخر موعد للتأكيد: \u2068{shown}\u2069", email.Text);
        Assert.Contains($"في موعد أقصاه \u2068{shown}\u2069", email.Text);
        Assert.Contains("\u2068OFR-42\u2069", email.Text);
        Assert.Contains("11 شباط/فبراير 2024 – 13 شباط/فبراير 2024", email.Text);
        Assert.StartsWith("اختيار عرضكم – EGM-1 – ", email.Subject, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Place on the reserve list: 2", "in position 2", "Reason: ")]
    [InlineData("fr", "Rang sur la liste de réserve\u00A0: 2", "au rang 2", "Motif (en anglais)\u00A0: ")]
    [InlineData("es", "Puesto en la lista de reserva: 2", "en el puesto 2", "Motivo (en inglés): ")]
    [InlineData("ru", "Место в резервном списке: 2", "под номером 2", "Причина (на английском языке): ")]
    [InlineData("zh", "候补名单位次：2", "位列第2位", "理由（英文）：")]
    public void A_reserve_learns_its_place_and_the_english_reason(string language, string row, string sentence, string reason)
    {
        var text = EmailTemplates.Render(NotificationKind.Reserve, language, Facts).Text;

        Assert.Contains(row, text);
        Assert.Contains(sentence, text);
        Assert.Contains(reason + Facts.Reason, text);
    }

    [Fact]
    public void The_summary_lists_every_meeting_and_the_note()
    {
        var email = EmailTemplates.Render(NotificationKind.Summary, "en", Facts with { RecipientName = "Secretariat" });

        Assert.Equal("Results of the call – Call for offers to host UN-Habitat meetings in 2024", email.Subject);
        Assert.Contains("- EGM-1 (First in-person meeting of the Expert Group)\n  Host Member State: Brazil\n  City: Rio de Janeiro\n  Eligible offers: 3\n  Reserves: 1", email.Text);
        Assert.Contains("- EGM-2 (Second meeting of the Expert Group)\n  Host Member State: None\n  City: —\n  Eligible offers: 0\n  Reserves: 0", email.Text);
        Assert.Contains("Note: Kenya declined EGM-1; Brazil was promoted.", email.Text);
        Assert.Contains("<bdi>Rio de Janeiro</bdi>", email.Html);
        Assert.DoesNotContain("Offer reference", email.Text);
    }

    [Fact]
    public void Times_west_of_greenwich_show_a_negative_offset()
    {
        var text = EmailTemplates.Render(NotificationKind.Withdrawal, "en", Facts with { TimeZone = "America/New_York" }).Text;

        Assert.Contains("Withdrawn: 2023-10-02 04:00 (America/New_York, UTC-04:00)", text);
        Assert.Contains("Deadline for offers: 2023-10-31 16:59 (America/New_York, UTC-04:00)", text);
    }

    [Fact]
    public void Facts_not_given_leave_their_rows_out()
    {
        var bare = new EmailFacts { CallTitle = "Call", RecipientName = "Focal point", TimeZone = Zone, MeetingId = "EGM-1" };

        var text = EmailTemplates.Render(NotificationKind.Receipt, "en", bare).Text;

        Assert.Contains("Meeting: EGM-1", text);
        Assert.DoesNotContain("City:", text);
        Assert.DoesNotContain("Version:", text);
        Assert.Contains("received on —.", text);
    }

    [Theory]
    [InlineData("en", "Invitation to submit offers – ", "as a focal point of Kenya", "Link valid until: 2024-01-13 09:00 (Africa/Nairobi, UTC+03:00)", "Open the portal: ")]
    [InlineData("fr", "Invitation à soumettre des offres – ", "en qualité de point focal de Kenya", "Lien valable jusqu’au\u00A0: 2024-01-13 09:00 (Africa/Nairobi, UTC+03:00)", "Ouvrir le portail\u00A0: ")]
    [InlineData("es", "Invitación a presentar ofertas – ", "coordinadora de Kenya", "Enlace válido hasta: 2024-01-13 09:00", "Abrir el portal: ")]
    [InlineData("ru", "Приглашение представить предложения – ", "от государства-члена Kenya", "Ссылка действительна до: 2024-01-13 09:00", "Открыть портал: ")]
    [InlineData("zh", "提交主办提议的邀请 – ", "作为Kenya的联络人", "链接有效期至：2024-01-13 09:00", "打开门户网站：")]
    [InlineData("ar", "دعوة إلى تقديم عروض – ", "عن \u2068Kenya\u2069", "الرابط صالح حتى: \u20682024-01-13 09:00", "فتح البوابة: \u2068https://")]
    public void An_invitation_names_the_state_the_deadline_the_link_and_until_when_it_works(string language, string subject, string lead, string validUntil, string link)
    {
        var email = EmailTemplates.Render(NotificationKind.Invitation, language, Facts);

        Assert.StartsWith(subject, email.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("EGM-1", email.Subject);
        Assert.Contains(lead, email.Text);
        Assert.Contains(validUntil, email.Text);
        Assert.Contains(link, email.Text);
        Assert.Contains(Facts.Link!, email.Text);
        Assert.Contains("2023-10-31 23:59 (Africa/Nairobi, UTC+03:00)", email.Text);
        Assert.DoesNotContain("OFR-42", email.Text);
        Assert.Contains($"<a href=\"{Facts.Link}\"", email.Html);
    }

    [Fact]
    public void A_link_is_attribute_encoded()
    {
        var email = EmailTemplates.Render(NotificationKind.Invitation, "en", Facts with { Link = "https://portal.example/\"><script>x</script>#invitation=t" });

        Assert.DoesNotContain("<script", email.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://portal.example/&quot;&gt;&lt;script&gt;", email.Html);
    }

    [Theory]
    [InlineData("de")]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("klingon")]
    public void An_unknown_language_falls_back_to_english(string? language)
    {
        foreach (var kind in Enum.GetValues<NotificationKind>())
        {
            Assert.Equal(EmailTemplates.Render(kind, "en", Facts), EmailTemplates.Render(kind, language, Facts));
        }
    }

    [Theory]
    [InlineData("fr-CA", "fr")]
    [InlineData("ZH", "zh")]
    [InlineData("es_MX", "es")]
    public void A_regional_or_upper_case_tag_finds_its_language(string tag, string language)
    {
        Assert.Contains($"lang=\"{language}\"", EmailTemplates.Render(NotificationKind.Receipt, tag, Facts).Html);
    }

    /// <summary>The fact strings each kind shows; every email shows the call, organisation and recipient.</summary>
    private static IEnumerable<string> Shown(NotificationKind kind, EmailFacts f)
    {
        string[] always = [f.CallTitle, f.Organisation!, f.RecipientName];
        string[] offer = [f.MemberStateName!, f.MeetingId!, f.MeetingTitle!, f.City!, f.OfferId!];
        return kind switch
        {
            NotificationKind.Summary =>
                [.. always, f.Note!, .. f.Summary.SelectMany(l => new[] { l.MeetingId, l.MeetingTitle, l.HostMemberStateName!, l.HostCity! })],
            NotificationKind.Reserve or NotificationKind.NotSelected => [.. always, .. offer, f.Reason!],
            NotificationKind.Invitation => [.. always, f.MemberStateName!],
            _ => [.. always, .. offer],
        };
    }
}
