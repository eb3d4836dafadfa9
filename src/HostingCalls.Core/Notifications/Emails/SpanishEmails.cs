using System.Globalization;
using static HostingCalls.Core.Notifications.NotificationKind;

namespace HostingCalls.Core.Notifications.Emails;

internal sealed class SpanishEmails : EmailWording
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("es-ES");

    public override string Language => "es";

    public override EmailLabels Labels { get; } = new()
    {
        MemberState = "Estado Miembro",
        Meeting = "Reunión",
        City = "Ciudad",
        Dates = "Fechas",
        Offer = "Referencia de la oferta",
        Version = "Versión",
        ReceivedAt = "Recibida el",
        WithdrawnAt = "Retirada el",
        Deadline = "Fecha límite para presentar ofertas",
        ConfirmBy = "Confirmar a más tardar el",
        ReservePlace = "Puesto en la lista de reserva",
        Reason = "Motivo (en inglés)",
        Note = "Nota (en inglés)",
        Host = "Estado Miembro anfitrión",
        EligibleOffers = "Ofertas admisibles",
        Reserves = "Ofertas de reserva",
        NoHost = "Ninguno",
        ValidUntil = "Enlace válido hasta",
        OpenPortal = "Abrir el portal",
    };

    public override string Closing => "Atentamente,";

    public override string Signature => "La Secretaría";

    public override EmailText Greeting(string recipient) => $"A la atención de {recipient}\nDe nuestra consideración:";

    public override string Date(DateOnly date) => date.ToString("d 'de' MMMM 'de' yyyy", Culture);

    public override EmailBody Body(NotificationKind kind, FactView f) => kind switch
    {
        Receipt => new(
            "Acuse de recibo de su oferta",
            $"Le agradecemos su oferta para acoger la reunión {f.Meeting} y le confirmamos que fue recibida el {f.At}. Sus datos son los siguientes:",
            $"Puede revisar o retirar esta oferta en el portal hasta la fecha límite, el {f.Deadline}. Le rogamos que indique la referencia de la oferta en toda comunicación."),
        Revision => new(
            "Acuse de recibo de su oferta revisada",
            $"Acusamos recibo de la oferta revisada para acoger la reunión {f.Meeting}, recibida el {f.At}. Se trata ahora de la versión {f.Version} de la oferta, que sustituye a la versión anterior.",
            $"Puede revisar o retirar esta oferta en el portal hasta la fecha límite, el {f.Deadline}. Le rogamos que indique la referencia de la oferta en toda comunicación."),
        Withdrawal => new(
            "Retiro de su oferta",
            $"Le confirmamos que la oferta {f.Offer} para acoger la reunión {f.Meeting} fue retirada el {f.At}.",
            $"Puede presentar una nueva oferta en el portal hasta la fecha límite, el {f.Deadline}."),
        Selected => new(
            "Su oferta ha sido seleccionada",
            $"Tenemos el agrado de comunicarle que su oferta ha sido seleccionada para acoger la reunión {f.Meeting} en {f.City} ({f.Dates}), por lo que le expresamos nuestras felicitaciones.",
            Confirm(f)),
        Reserve => new(
            "Su oferta figura en la lista de reserva",
            $"Le informamos de que su oferta para acoger la reunión {f.Meeting} ha sido incluida en la lista de reserva, en el puesto {f.Place}.",
            "Si el anfitrión seleccionado no confirma la acogida de la reunión, la Secretaría se pondrá en contacto con usted. Por el momento no es necesario que adopte ninguna medida."),
        NotSelected => new(
            "Resultado relativo a su oferta",
            $"Lamentamos comunicarle que su oferta para acoger la reunión {f.Meeting} no ha sido seleccionada.",
            "Le agradecemos sinceramente su oferta y el interés manifestado en nuestra labor."),
        Summary => new(
            "Resultados de la convocatoria",
            "Se han publicado los resultados de la convocatoria. A continuación figuran, reunión por reunión:",
            "La clasificación completa puede consultarse en el portal."),
        HostConfirmationRequest => new(
            "Se solicita confirmación: acogida de la reunión",
            $"Tenemos el agrado de comunicarle que su oferta, que figuraba en la lista de reserva, ha pasado a ser la oferta seleccionada para acoger la reunión {f.Meeting} en {f.City} ({f.Dates}), dado que el anfitrión seleccionado anteriormente declinó o no confirmó dentro del plazo.",
            Confirm(f)),
        Invitation => new(
            "Invitación a presentar ofertas",
            $"La secretaría le invita, en calidad de coordinador o coordinadora de {f.MemberState}, a presentar ofertas en respuesta a esta convocatoria. El enlace que figura a continuación abre el portal para su Estado Miembro; con él puede presentar, revisar y retirar las ofertas de su Estado hasta la fecha límite, {f.Deadline}.",
            $"El enlace es personal y válido hasta el {f.ValidUntil}; le rogamos que no lo reenvíe. Si no esperaba este mensaje, o si el enlace deja de funcionar, póngase en contacto con la secretaría."),
        _ => throw Unknown(kind),
    };

    private static EmailText Confirm(FactView f) =>
        $"Le rogamos que confirme o decline la acogida de esta reunión en el portal a más tardar el {f.Deadline}. Una vez recibida su confirmación, la Secretaría le remitirá el acuerdo con el país anfitrión.";
}
