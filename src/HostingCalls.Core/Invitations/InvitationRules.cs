using HostingCalls.Core.Common;
using HostingCalls.Core.MemberStates;
using HostingCalls.Core.Notifications.Emails;

namespace HostingCalls.Core.Invitations;

/// <summary>Checks an invitation's input; every field at fault is named at once.</summary>
public static class InvitationRules
{
    public const int MaxNameLength = 200;

    public static (string MemberState, string Email, string Language, string? Name, string? PermanentMissionEmail) Apply(InvitationInput input)
    {
        var errors = new FieldErrors();
        var state = input.MemberState;
        if (state is null)
        {
            errors.Add("memberState", "Required: the ISO 3166-1 alpha-3 code of a UN Member State, such as KEN.");
        }
        else if (MemberStateDirectory.Find(state) is null)
        {
            errors.Add("memberState", "Not a UN Member State's ISO 3166-1 alpha-3 code (upper case, such as KEN).");
        }

        var email = TextRules.Email(errors, "email", input.Email, required: true);
        var language = input.Language;
        if (language is null || !EmailTemplates.Languages.Contains(language, StringComparer.Ordinal))
        {
            errors.Add("language", $"Required: one of {string.Join(", ", EmailTemplates.Languages)}.");
        }

        var name = TextRules.Optional(errors, "name", input.Name, MaxNameLength);
        var mission = TextRules.Email(errors, "permanentMissionEmail", input.PermanentMissionEmail, required: false);
        errors.ThrowIfAny("invitation");
        return (state!, email!, language!, name, mission);
    }
}
