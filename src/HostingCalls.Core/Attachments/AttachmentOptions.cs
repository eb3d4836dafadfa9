namespace HostingCalls.Core.Attachments;

public sealed class AttachmentOptions
{
    /// <summary>Largest file accepted, in bytes.</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Most files one offer may carry.</summary>
    public int MaxPerOffer { get; set; } = 10;
}
