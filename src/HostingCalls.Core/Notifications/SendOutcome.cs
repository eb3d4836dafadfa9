namespace HostingCalls.Core.Notifications;

/// <summary>What the sending service answered.</summary>
/// <param name="RetryAt">With <see cref="SendOutcomeKind.RateLimited"/>: when the rate limit resets.</param>
public sealed record SendOutcome(SendOutcomeKind Kind, string? MessageId = null, string? Error = null, DateTimeOffset? RetryAt = null)
{
    public static SendOutcome Accepted(string? messageId) => new(SendOutcomeKind.Accepted, messageId);
}

public enum SendOutcomeKind
{
    /// <summary>202: it will be sent.</summary>
    Accepted,

    /// <summary>429: try again after the reset.</summary>
    RateLimited,

    /// <summary>5xx, or the request never reached the service: nothing was sent, try again.</summary>
    Transient,

    /// <summary>Another 4xx: it will never be accepted as it is.</summary>
    Permanent,

    /// <summary>No answer in time: it may or may not have been accepted.</summary>
    Unknown,
}
