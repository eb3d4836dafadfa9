using System.Globalization;
using static HostingCalls.Core.Notifications.NotificationKind;

namespace HostingCalls.Core.Notifications.Emails;

internal sealed class ArabicEmails : EmailWording
{
    // United Nations Arabic names both the Levantine and the Egyptian month, and keeps the Gregorian calendar.
    private static readonly string[] Months =
    [
        "كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو", "حزيران/يونيه",
        "تموز/يوليه", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر", "تشرين الثاني/نوفمبر", "كانون الأول/ديسمبر",
    ];

    public override string Language => "ar";

    public override bool RightToLeft => true;

    public override EmailLabels Labels { get; } = new()
    {
        MemberState = "الدولة العضو",
        Meeting = "الاجتماع",
        City = "المدينة",
        Dates = "تواريخ الانعقاد",
        Offer = "الرقم المرجعي للعرض",
        Version = "النسخة",
        ReceivedAt = "تاريخ الاستلام",
        WithdrawnAt = "تاريخ السحب",
        Deadline = "الموعد النهائي لتقديم العروض",
        ConfirmBy = "آخر موعد للتأكيد",
        ReservePlace = "الترتيب في القائمة الاحتياطية",
        Reason = "السبب (بالإنكليزية)",
        Note = "ملاحظة (بالإنكليزية)",
        Host = "الدولة العضو المضيفة",
        EligibleOffers = "العروض المستوفية للشروط",
        Reserves = "العروض الاحتياطية",
        NoHost = "لا يوجد",
        ValidUntil = "الرابط صالح حتى",
        OpenPortal = "فتح البوابة",
    };

    public override string Closing => "وتفضلوا بقبول فائق الاحترام والتقدير،";

    public override string Signature => "الأمانة";

    public override EmailText Greeting(string recipient) => $"إلى عناية: {recipient}\nتحية طيبة وبعد،";

    public override string Date(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Day} {Months[date.Month - 1]} {date.Year}");

    public override EmailBody Body(NotificationKind kind, FactView f) => kind switch
    {
        Receipt => new(
            "إشعار باستلام عرضكم",
            $"نشكركم على عرضكم استضافة الاجتماع {f.Meeting}، ونؤكد أنه قد ورد في {f.At}. وفيما يلي تفاصيل العرض:",
            $"يمكنكم تنقيح هذا العرض أو سحبه عن طريق البوابة حتى الموعد النهائي المحدد في {f.Deadline}. ويرجى ذكر الرقم المرجعي للعرض في جميع المراسلات."),
        Revision => new(
            "إشعار باستلام عرضكم المنقح",
            $"نؤكد استلام العرض المنقح لاستضافة الاجتماع {f.Meeting}، الذي ورد في {f.At}. وأصبح هذا العرض الآن النسخة {f.Version}، التي تحل محل النسخة السابقة.",
            $"يمكنكم تنقيح هذا العرض أو سحبه عن طريق البوابة حتى الموعد النهائي المحدد في {f.Deadline}. ويرجى ذكر الرقم المرجعي للعرض في جميع المراسلات."),
        Withdrawal => new(
            "سحب عرضكم",
            $"نؤكد أن العرض {f.Offer} لاستضافة الاجتماع {f.Meeting} قد سُحب في {f.At}.",
            $"يمكن تقديم عرض جديد عن طريق البوابة حتى الموعد النهائي المحدد في {f.Deadline}."),
        Selected => new(
            "اختيار عرضكم",
            $"يسرنا أن نبلغكم بأن عرضكم قد اختير لاستضافة الاجتماع {f.Meeting} في {f.City} ({f.Dates})، ونتقدم إليكم بخالص التهاني.",
            Confirm(f)),
        Reserve => new(
            "إدراج عرضكم في القائمة الاحتياطية",
            $"نود إبلاغكم بأن عرضكم لاستضافة الاجتماع {f.Meeting} قد أُدرج في القائمة الاحتياطية في المرتبة {f.Place}.",
            "وإذا لم تؤكد الجهة المضيفة المختارة استضافة الاجتماع، فستتصل بكم الأمانة. ولا يلزم اتخاذ أي إجراء من جانبكم في هذه المرحلة."),
        NotSelected => new(
            "نتيجة النظر في عرضكم",
            $"يؤسفنا أن نبلغكم بأن عرضكم لاستضافة الاجتماع {f.Meeting} لم يقع عليه الاختيار.",
            "ونتوجه إليكم بخالص الشكر على عرضكم وعلى اهتمامكم بعملنا."),
        Summary => new(
            "نتائج الدعوة إلى تقديم عروض الاستضافة",
            "صدرت نتائج الدعوة. وفيما يلي النتائج حسب كل اجتماع:",
            "ويمكن الاطلاع على الترتيب الكامل في البوابة."),
        HostConfirmationRequest => new(
            "مطلوب تأكيد استضافة الاجتماع",
            $"يسرنا أن نبلغكم بأن عرضكم، الذي كان مدرجاً في القائمة الاحتياطية، قد أصبح العرض المختار لاستضافة الاجتماع {f.Meeting} في {f.City} ({f.Dates})، نظراً لاعتذار الجهة المضيفة المختارة سابقاً أو عدم تأكيدها في الموعد المحدد.",
            Confirm(f)),
        Invitation => new(
            "دعوة إلى تقديم عروض",
            $"تدعوكم الأمانة، بصفتكم جهة الاتصال عن {f.MemberState}، إلى تقديم عروض استجابةً لهذه الدعوة. ويتيح لكم الرابط أدناه الوصول إلى البوابة الخاصة بدولتكم العضو، ويمكنكم من خلاله تقديم عروض دولتكم وتنقيحها وسحبها حتى الموعد النهائي، {f.Deadline}.",
            $"هذا الرابط شخصي وصالح حتى {f.ValidUntil}؛ يُرجى عدم إعادة توجيهه. وإذا لم تكونوا تتوقعون هذه الرسالة، أو توقف الرابط عن العمل، يُرجى الاتصال بالأمانة."),
        _ => throw Unknown(kind),
    };

    private static EmailText Confirm(FactView f) =>
        $"يرجى تأكيد استضافة هذا الاجتماع أو الاعتذار عنها عن طريق البوابة في موعد أقصاه {f.Deadline}. وفور استلام تأكيدكم، ستوافيكم الأمانة باتفاق البلد المضيف.";
}
