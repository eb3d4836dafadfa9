using System.Globalization;
using static HostingCalls.Core.Notifications.NotificationKind;

namespace HostingCalls.Core.Notifications.Emails;

internal sealed class ChineseEmails : EmailWording
{
    public override string Language => "zh";

    public override string Colon => "：";

    public override EmailLabels Labels { get; } = new()
    {
        MemberState = "会员国",
        Meeting = "会议",
        City = "城市",
        Dates = "会议日期",
        Offer = "提议编号",
        Version = "版本",
        ReceivedAt = "收到时间",
        WithdrawnAt = "撤回时间",
        Deadline = "提交提议截止时间",
        ConfirmBy = "确认截止时间",
        ReservePlace = "候补名单位次",
        Reason = "理由（英文）",
        Note = "说明（英文）",
        Host = "东道会员国",
        EligibleOffers = "合格提议",
        Reserves = "候补提议",
        NoHost = "无",
        ValidUntil = "链接有效期至",
        OpenPortal = "打开门户网站",
    };

    public override string Closing => "此致\n敬礼！";

    public override string Signature => "秘书处";

    public override EmailText Greeting(string recipient) => $"尊敬的{recipient}：";

    public override string Date(DateOnly date) =>
        date.ToString("yyyy'年'M'月'd'日'", CultureInfo.InvariantCulture);

    public override string Dates(DateOnly start, DateOnly end) =>
        start == end ? Date(start) : $"{Date(start)}至{Date(end)}";

    public override EmailBody Body(NotificationKind kind, FactView f) => kind switch
    {
        Receipt => new(
            "已收到贵方的主办提议",
            $"感谢贵方提出主办会议{f.Meeting}的提议。我们确认已于{f.At}收到该提议，详情如下：",
            $"在截止时间{f.Deadline}之前，贵方可通过门户网站修订或撤回该提议。请在所有往来函件中注明提议编号。"),
        Revision => new(
            "已收到贵方修订后的主办提议",
            $"我们确认已于{f.At}收到主办会议{f.Meeting}的修订提议。该提议现为第{f.Version}版，取代此前的版本。",
            $"在截止时间{f.Deadline}之前，贵方可通过门户网站修订或撤回该提议。请在所有往来函件中注明提议编号。"),
        Withdrawal => new(
            "贵方的主办提议已撤回",
            $"我们确认，主办会议{f.Meeting}的提议{f.Offer}已于{f.At}撤回。",
            $"在截止时间{f.Deadline}之前，贵方可通过门户网站提交新的提议。"),
        Selected => new(
            "贵方的主办提议已获选定",
            $"我们谨高兴地通知贵方，贵方的提议已获选定，将于{f.Dates}在{f.City}主办会议{f.Meeting}。谨致祝贺。",
            Confirm(f)),
        Reserve => new(
            "贵方的主办提议已列入候补名单",
            $"谨通知贵方，贵方主办会议{f.Meeting}的提议已列入候补名单，位列第{f.Place}位。",
            "如获选东道方未确认主办该会议，秘书处将与贵方联系。贵方目前无需采取任何行动。"),
        NotSelected => new(
            "关于贵方主办提议的结果",
            $"我们遗憾地通知贵方，贵方主办会议{f.Meeting}的提议未获选定。",
            "衷心感谢贵方提出提议以及对我们工作的关注。"),
        Summary => new(
            "主办提议征集结果",
            "本次主办提议征集的结果已经公布。各会议的结果如下：",
            "完整排名可在门户网站查阅。"),
        HostConfirmationRequest => new(
            "请确认主办会议",
            $"我们谨高兴地通知贵方，由于此前获选的东道方已谢绝或未在规定时间内确认，贵方原列入候补名单的提议现已获选定，将于{f.Dates}在{f.City}主办会议{f.Meeting}。",
            Confirm(f)),
        Invitation => new(
            "提交主办提议的邀请",
            $"秘书处邀请您作为{f.MemberState}的联络人，就本次征集提交提议。以下链接为贵会员国打开门户网站；您可通过该链接在截止时间{f.Deadline}之前提交、修订和撤回贵国的提议。",
            $"该链接仅供您本人使用，有效期至{f.ValidUntil}；请勿转发。如您并未预期收到此邮件，或链接无法使用，请与秘书处联系。"),
        _ => throw Unknown(kind),
    };

    private static EmailText Confirm(FactView f) =>
        $"请于{f.Deadline}之前通过门户网站确认或谢绝主办该会议。收到贵方确认后，秘书处将向贵方发送东道国协定。";
}
