namespace HostingCalls.Core.Invitations;

/// <summary>The addresses of an offer the secretariat confirms: each one of those typed into it.</summary>
public sealed class ContactConfirmationInput
{
    public IReadOnlyList<string?>? Emails { get; init; }
}
