using Azure;
using Azure.Data.Tables;

namespace HostingCalls.Functions.Storage;

/// <summary>
/// Writes the rows of offers submitted to one call at about the same time in shared transactions (group commit):
/// while one transaction of a call's partition is on its way, the offers that arrive meanwhile wait and go together
/// as the next one (up to 100 rows); an offer alone goes at once. Each offer's rows stay together in whichever
/// transaction carries them, so each still lands whole or not at all. If storage refuses a shared transaction (one
/// offer's idempotency key is taken), each of its offers is written again on its own and gets its own answer; any
/// other failure is every member's, as it would have been alone.
/// </summary>
public sealed class IntakeTransactions(TableClient table)
{
    private const int MaxRows = 100;
    private readonly Dictionary<string, Queue<Group>> _waiting = new(StringComparer.Ordinal);

    /// <summary>Submits <paramref name="actions"/> (one offer's rows) in a transaction, maybe shared: the responses to its own rows.</summary>
    public Task<IReadOnlyList<Response>> SubmitAsync(string partition, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        var member = new Member(actions, cancellationToken);
        bool sending;
        lock (_waiting)
        {
            sending = _waiting.TryGetValue(partition, out var groups);
            groups ??= _waiting[partition] = new Queue<Group>();
            if (groups.Count == 0 || groups.Last() is { Started: true } || groups.Last().Rows + actions.Count > MaxRows)
            {
                groups.Enqueue(new Group());
            }

            groups.Last().Members.Add(member);
        }

        if (!sending)
        {
            _ = SendAllAsync(partition);
        }

        return member.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Sends the partition's groups in turn until none is waiting; not tied to one request, so no caller's cancellation stops the others'.</summary>
    private async Task SendAllAsync(string partition)
    {
        while (true)
        {
            Group group;
            lock (_waiting)
            {
                if (!_waiting[partition].TryPeek(out group!))
                {
                    _waiting.Remove(partition);
                    return;
                }

                group.Started = true;
            }

            await SendAsync(group);
            lock (_waiting)
            {
                _waiting[partition].Dequeue();
            }
        }
    }

    private async Task SendAsync(Group group)
    {
        // A request given up while it waited is not written: its caller will never queue the receipt.
        foreach (var member in group.Members.Where(m => m.Cancellation.IsCancellationRequested).ToList())
        {
            member.Done.TrySetCanceled(member.Cancellation);
            group.Members.Remove(member);
        }

        if (group.Members.Count == 0)
        {
            return;
        }

        try
        {
            var responses = (await table.SubmitTransactionAsync(group.Members.SelectMany(m => m.Actions), CancellationToken.None)).Value;
            var first = 0;
            foreach (var member in group.Members)
            {
                member.Done.TrySetResult([.. responses.Skip(first).Take(member.Actions.Count)]);
                first += member.Actions.Count;
            }
        }
        catch (TableTransactionFailedException) when (group.Members.Count > 1)
        {
            // Refused as a whole, so nothing was written: each offer alone, for its own answer.
            await Task.WhenAll(group.Members.Select(async member =>
            {
                try
                {
                    member.Done.TrySetResult([.. (await table.SubmitTransactionAsync(member.Actions, CancellationToken.None)).Value]);
                }
                catch (Exception exception)
                {
                    member.Done.TrySetException(exception);
                }
            }));
        }
        catch (Exception exception)
        {
            foreach (var member in group.Members)
            {
                member.Done.TrySetException(exception);
            }
        }
    }

    private sealed class Member(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellation)
    {
        public IReadOnlyList<TableTransactionAction> Actions { get; } = actions;

        public CancellationToken Cancellation { get; } = cancellation;

        public TaskCompletionSource<IReadOnlyList<Response>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Group
    {
        public List<Member> Members { get; } = [];

        public int Rows => Members.Sum(m => m.Actions.Count);

        /// <summary>Its transaction is on its way: later offers wait for the next one.</summary>
        public bool Started { get; set; }
    }
}
