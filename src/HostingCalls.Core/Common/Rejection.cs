namespace HostingCalls.Core.Common;

/// <summary>Why a request is refused; the HTTP layer maps each to its status code.</summary>
public enum RejectionKind
{
    Invalid,
    Unauthenticated,
    Forbidden,
    NotFound,
    Conflict,
    Stale,
    PreconditionRequired,
    TooLarge,
    UnsupportedContent,
    KeyReused,

    /// <summary>A fair-use limit is reached (429).</summary>
    TooMany,
}

/// <summary>
/// A request the application refuses, with a message a person can act on and, for invalid input, the fields at fault.
/// Thrown before anything is stored, so a rejection never leaves partial data behind.
/// </summary>
public sealed class Rejection : Exception
{
    public Rejection(RejectionKind kind, string title, string detail,
        IReadOnlyDictionary<string, string[]>? errors = null,
        IReadOnlyDictionary<string, object?>? extensions = null)
        : base(detail)
    {
        Kind = kind;
        Title = title;
        Errors = errors ?? new Dictionary<string, string[]>();
        Extensions = extensions ?? new Dictionary<string, object?>();
    }

    public RejectionKind Kind { get; }

    public string Title { get; }

    /// <summary>Field path (camelCase, dotted) to the messages about it.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>Extra members of the problem document, such as the deadline in UTC.</summary>
    public IReadOnlyDictionary<string, object?> Extensions { get; }

    public static Rejection Invalid(string field, string message) =>
        new(RejectionKind.Invalid, "The request is not valid.", message,
            new Dictionary<string, string[]> { [field] = [message] });

    public static Rejection NotFound(string what) =>
        new(RejectionKind.NotFound, "Not found.", $"No {what} was found here.");

    public static Rejection Conflict(string title, string detail, IReadOnlyDictionary<string, object?>? extensions = null) =>
        new(RejectionKind.Conflict, title, detail, extensions: extensions);

    public static Rejection Forbidden(string detail) =>
        new(RejectionKind.Forbidden, "Not allowed.", detail);

    public static Rejection Unauthenticated() =>
        new(RejectionKind.Unauthenticated, "Sign-in required.", "This request needs an authenticated caller.");

    public static Rejection Stale(string what) =>
        new(RejectionKind.Stale, "The resource has changed.",
            $"The {what} was changed since you read it (the If-Match ETag is stale). Read it again and re-apply your change.");

    public static Rejection PreconditionRequired(string what) =>
        new(RejectionKind.PreconditionRequired, "If-Match header required.",
            $"Send the {what}'s current ETag in an If-Match header, so that a change made meanwhile is not overwritten.",
            new Dictionary<string, string[]> { ["If-Match"] = ["The header is required for this update."] });
}
