using HostingCalls.Core.Access;
using HostingCalls.Core.Audit;
using HostingCalls.Core.Common;

namespace HostingCalls.Core.Calls;

/// <summary>What the secretariat does with calls before offers arrive: create, amend while Draft, open; and reading them.</summary>
public sealed class CallService(ICallStore calls, AuditService audit, TimeProvider clock)
{
    /// <summary>
    /// How long the list of Open calls read for <see cref="ListOpenAsync"/> is reused: an anonymous page then costs no
    /// table query. A change made here clears it at once; one made on another instance shows within this time. The
    /// deadline is still checked against the clock on every request.
    /// </summary>
    public static readonly TimeSpan OpenListMemory = TimeSpan.FromSeconds(30);

    private volatile OpenList? _openList;

    private sealed record OpenList(IReadOnlyList<Call> Calls, DateTimeOffset Until, long Generation);

    private long _generation;

    public async Task<Stored<Call>> CreateAsync(Caller caller, CallInput input, CancellationToken cancellationToken)
    {
        caller.EnsureSecretariat();
        var template = Call.NewDraft(Ids.New(clock), caller.Id, clock.GetUtcNow());
        var created = await calls.AddAsync(CallRules.Apply(input, template), cancellationToken);
        ForgetOpenList();
        await audit.RecordAsync(CallAudit.Created(created.Value), cancellationToken);
        return created;
    }

    public async Task<Stored<Call>> UpdateAsync(Caller caller, string callId, CallInput input, string? ifMatch, CancellationToken cancellationToken)
    {
        caller.EnsureSecretariat();
        var stored = await FindAsync(caller, callId, cancellationToken);
        var etag = ifMatch ?? throw Rejection.PreconditionRequired("call");
        if (stored.Value.Status != CallStatus.Draft)
        {
            throw Rejection.Conflict("The call can no longer be changed.",
                $"The call is {stored.Value.Status}; it can be changed only while it is a Draft.");
        }

        var updated = CallRules.Apply(input, stored.Value) with { UpdatedAt = clock.GetUtcNow() };
        var saved = await calls.ReplaceAsync(updated, etag, cancellationToken);
        ForgetOpenList();
        await audit.RecordAsync(CallAudit.Amended(saved.Value, AuditActor.Of(caller)), cancellationToken);
        return saved;
    }

    public async Task<Stored<Call>> OpenAsync(Caller caller, string callId, string? ifMatch, CancellationToken cancellationToken)
    {
        caller.EnsureSecretariat();
        var stored = await FindAsync(caller, callId, cancellationToken);
        var etag = ifMatch ?? throw Rejection.PreconditionRequired("call");
        var call = stored.Value;
        if (call.Status != CallStatus.Draft)
        {
            throw Rejection.Conflict("The call cannot be opened.", $"The call is {call.Status}; only a Draft call can be opened.");
        }

        var now = clock.GetUtcNow();
        if (call.LastAcceptedAt <= now)
        {
            throw Rejection.Conflict("The deadline has already passed.",
                $"The deadline is {CallTime.Describe(call.Deadline, call.TimeZone)}; move it to the future before opening the call.");
        }

        var opened = await calls.ReplaceAsync(call with { Status = CallStatus.Open, OpenedAt = now, OpenedBy = caller.Id, UpdatedAt = now }, etag, cancellationToken);
        ForgetOpenList();
        await audit.RecordAndSealAsync([CallAudit.Opened(opened.Value)], call.Id, cancellationToken);
        return opened;
    }

    public Task<Stored<Call>> FindAsync(Caller caller, string callId, CancellationToken cancellationToken) =>
        calls.FindVisibleAsync(caller, callId, cancellationToken);

    /// <summary>The secretariat's view of every call in <paramref name="statuses"/> (every state when none), latest deadline first.</summary>
    public async Task<IReadOnlyList<Stored<Call>>> ListAsync(Caller caller, IReadOnlyCollection<CallStatus> statuses, CancellationToken cancellationToken)
    {
        caller.EnsureSecretariat();
        var found = new List<Stored<Call>>();
        foreach (var status in statuses.Count > 0 ? statuses.Distinct() : Enum.GetValues<CallStatus>())
        {
            found.AddRange(await calls.ListAsync(status, cancellationToken));
        }

        return [.. found.OrderByDescending(c => c.Value.Deadline).ThenBy(c => c.Value.Id, StringComparer.Ordinal)];
    }

    /// <summary>The calls open for offers now, soonest deadline first.</summary>
    /// <summary>The calls accepting offers; a focal point invited to one call sees only that one.</summary>
    public async Task<IReadOnlyList<Call>> ListOpenAsync(Caller caller, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var open = await OpenCallsAsync(now, cancellationToken);
        return [.. open.Where(c => c.LastAcceptedAt >= now && c.IsVisibleTo(caller)).OrderBy(c => c.Deadline).ThenBy(c => c.Id, StringComparer.Ordinal)];
    }

    /// <summary>Clears the remembered list of Open calls: the next request reads storage.</summary>
    public void ForgetOpenList()
    {
        Interlocked.Increment(ref _generation);
        _openList = null;
    }

    private async Task<IReadOnlyList<Call>> OpenCallsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_openList is { } known && known.Until > now && known.Generation == Interlocked.Read(ref _generation))
        {
            return known.Calls;
        }

        // A change made while this read is under way makes it older than the change: it is used once, not remembered.
        var generation = Interlocked.Read(ref _generation);
        var read = (await calls.ListAsync(CallStatus.Open, cancellationToken)).Select(s => s.Value).ToList();
        if (generation == Interlocked.Read(ref _generation))
        {
            _openList = new OpenList(read, now + OpenListMemory, generation);
        }

        return read;
    }
}
