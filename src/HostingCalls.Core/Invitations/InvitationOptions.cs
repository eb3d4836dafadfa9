namespace HostingCalls.Core.Invitations;

/// <summary>The section <c>Invitations</c>.</summary>
public sealed class InvitationOptions
{
    /// <summary>
    /// The portal page an invitation links to; the token follows as the fragment, <c>{PortalUrl}#invitation={token}</c>,
    /// which browsers never send to a server, so it stays out of every access log.
    /// </summary>
    public string PortalUrl { get; set; } = "";

    /// <summary>Days a token stays valid after the call's results date plus the days a host has to confirm.</summary>
    public const int DaysAfterConfirmation = 30;

    /// <summary>Offers one invitation may submit to its call, withdrawn ones included (see <see cref="InvitationLimits"/>).</summary>
    public int MaxOffers { get; set; } = 20;

    /// <summary>Revisions, in all, of the offers one invitation submitted.</summary>
    public int MaxRevisions { get; set; } = 100;

    /// <summary>Attachment bytes, in all, on the offers one invitation submitted (default 200 MB).</summary>
    public long MaxAttachmentBytes { get; set; } = 200L * 1024 * 1024;
}
