namespace HostingCalls.Core.Attachments;

public enum AttachmentKind
{
    /// <summary>The government's official letter offering to host.</summary>
    OfficialLetter,

    /// <summary>A description of the venue: brochure, plans, photos.</summary>
    VenueDescription,
}
