using System.Globalization;
using static HostingCalls.Core.Notifications.NotificationKind;

namespace HostingCalls.Core.Notifications.Emails;

internal sealed class FrenchEmails : EmailWording
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("fr-FR");

    public override string Language => "fr";

    // French sets a no-break space before the colon.
    public override string Colon => "\u00A0: ";

    public override EmailLabels Labels { get; } = new()
    {
        MemberState = "État Membre",
        Meeting = "Réunion",
        City = "Ville",
        Dates = "Dates",
        Offer = "Référence de l’offre",
        Version = "Version",
        ReceivedAt = "Reçue le",
        WithdrawnAt = "Retirée le",
        Deadline = "Date limite de dépôt des offres",
        ConfirmBy = "À confirmer au plus tard le",
        ReservePlace = "Rang sur la liste de réserve",
        Reason = "Motif (en anglais)",
        Note = "Note (en anglais)",
        Host = "État Membre hôte",
        EligibleOffers = "Offres recevables",
        Reserves = "Offres de réserve",
        NoHost = "Aucun",
        ValidUntil = "Lien valable jusqu’au",
        OpenPortal = "Ouvrir le portail",
    };

    public override string Closing => "Veuillez agréer, Madame, Monsieur, l’assurance de notre haute considération.";

    public override string Signature => "Le Secrétariat";

    public override EmailText Greeting(string recipient) => $"À l’attention de {recipient}\nMadame, Monsieur,";

    public override string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    public override EmailBody Body(NotificationKind kind, FactView f) => kind switch
    {
        Receipt => new(
            "Accusé de réception de votre offre",
            $"Nous vous remercions de votre offre d’accueillir la réunion {f.Meeting} et vous confirmons qu’elle a été reçue le {f.At}. Elle se présente comme suit\u00A0:",
            $"Vous pouvez réviser ou retirer cette offre sur le portail jusqu’à la date limite, fixée au {f.Deadline}. Nous vous prions de rappeler la référence de l’offre dans toute correspondance."),
        Revision => new(
            "Accusé de réception de votre offre révisée",
            $"Nous accusons réception de l’offre révisée d’accueillir la réunion {f.Meeting}, reçue le {f.At}. Il s’agit désormais de la version {f.Version} de l’offre, qui remplace la version précédente.",
            $"Vous pouvez réviser ou retirer cette offre sur le portail jusqu’à la date limite, fixée au {f.Deadline}. Nous vous prions de rappeler la référence de l’offre dans toute correspondance."),
        Withdrawal => new(
            "Retrait de votre offre",
            $"Nous vous confirmons que l’offre {f.Offer} d’accueillir la réunion {f.Meeting} a été retirée le {f.At}.",
            $"Une nouvelle offre peut être soumise sur le portail jusqu’à la date limite, fixée au {f.Deadline}."),
        Selected => new(
            "Votre offre a été retenue",
            $"Nous avons le plaisir de vous informer que votre offre a été retenue pour accueillir la réunion {f.Meeting} à {f.City} ({f.Dates}) et vous adressons nos félicitations.",
            Confirm(f)),
        Reserve => new(
            "Votre offre figure sur la liste de réserve",
            $"Nous vous informons que votre offre d’accueillir la réunion {f.Meeting} a été inscrite sur la liste de réserve, au rang {f.Place}.",
            "Si le pays hôte retenu ne confirme pas l’accueil de la réunion, le Secrétariat prendra contact avec vous. Aucune démarche de votre part n’est requise à ce stade."),
        NotSelected => new(
            "Résultat concernant votre offre",
            $"Nous avons le regret de vous informer que votre offre d’accueillir la réunion {f.Meeting} n’a pas été retenue.",
            "Nous vous remercions vivement de votre offre et de l’intérêt que vous portez à nos travaux."),
        Summary => new(
            "Résultats de l’appel",
            "Les résultats de l’appel ont été publiés. Ils se présentent comme suit, réunion par réunion\u00A0:",
            "Le classement complet peut être consulté sur le portail."),
        HostConfirmationRequest => new(
            "Confirmation requise\u00A0: accueil de la réunion",
            $"Nous avons le plaisir de vous informer que votre offre, qui figurait sur la liste de réserve, est désormais retenue pour accueillir la réunion {f.Meeting} à {f.City} ({f.Dates}), le pays hôte précédemment retenu ayant décliné ou n’ayant pas confirmé dans les délais.",
            Confirm(f)),
        Invitation => new(
            "Invitation à soumettre des offres",
            $"Le Secrétariat vous invite, en qualité de point focal de {f.MemberState}, à soumettre des offres en réponse au présent appel. Le lien ci-dessous ouvre le portail pour votre État Membre\u00A0; il vous permet de soumettre, de réviser et de retirer les offres de votre État jusqu’à la date limite, fixée au {f.Deadline}.",
            $"Ce lien est personnel et valable jusqu’au {f.ValidUntil}\u00A0; nous vous prions de ne pas le transmettre. Si vous n’attendiez pas ce message, ou si le lien ne fonctionne plus, veuillez contacter le Secrétariat."),
        _ => throw Unknown(kind),
    };

    private static EmailText Confirm(FactView f) =>
        $"Nous vous prions de bien vouloir confirmer ou décliner l’accueil de cette réunion sur le portail au plus tard le {f.Deadline}. Dès réception de votre confirmation, le Secrétariat vous fera parvenir l’accord avec le pays hôte.";
}
