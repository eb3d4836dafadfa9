namespace HostingCalls.Core.Audit;

/// <summary>
/// One change of state of a call, before it is chained. Details hold what changed (status from → to, versions,
/// ids, hashes), never a token, an email address or an offer's body.
/// </summary>
/// <param name="EventId">Names the change, unique in the call. Safe in a table key: server ids, digits and '-' only.</param>
/// <param name="Subject">What it is about: an offer, a notification or a meeting id; null for the call itself.</param>
public sealed record AuditEntry(
    string CallId,
    string EventId,
    DateTimeOffset At,
    AuditActor Actor,
    AuditAction Action,
    string? Subject,
    IReadOnlyDictionary<string, string> Details)
{
    /// <summary>
    /// Recorded after its change was committed, not in the same transaction (a call's transitions live in another
    /// table): it may be recorded twice, so it is chained once, by <see cref="EventId"/>.
    /// </summary>
    public bool AfterTheFact { get; init; }
}
