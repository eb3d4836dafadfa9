using Azure;
using Azure.Data.Tables;
using HostingCalls.Core.Common;

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
    private readonly ArrivalGroups<Member> _groups = new(
        (_, members) => SendAsync(table, members),
        (members, member) => members.Sum(m => m.Actions.Count) + member.Actions.Count <= MaxRows);

    /// <summary>Submits <paramref name="actions"/> (one offer's rows) in a transaction, maybe shared: the responses to its own rows.</summary>
    public async Task<IReadOnlyList<Response>> SubmitAsync(string partition, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        var member = new Member(actions, cancellationToken);
        await _groups.AddAsync(partition, member, cancellationToken);
        return await member.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Answers every member itself, failures included.</summary>
    private static async Task SendAsync(TableClient table, IReadOnlyList<Member> group)
    {
        // A request given up while it waited is not written: its caller will never queue the receipt.
        foreach (var member in group.Where(m => m.Cancellation.IsCancellationRequested))
        {
            member.Done.TrySetCanceled(member.Cancellation);
        }

        var members = group.Where(m => !m.Cancellation.IsCancellationRequested).ToList();
        if (members.Count == 0)
        {
            return;
        }

        try
        {
            var responses = (await table.SubmitTransactionAsync(members.SelectMany(m => m.Actions), CancellationToken.None)).Value;
            var first = 0;
            foreach (var member in members)
            {
                member.Done.TrySetResult([.. responses.Skip(first).Take(member.Actions.Count)]);
                first += member.Actions.Count;
            }
        }
        catch (TableTransactionFailedException) when (members.Count > 1)
        {
            // Refused as a whole, so nothing was written: each offer alone, for its own answer.
            await Task.WhenAll(members.Select(async member =>
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
            foreach (var member in members)
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
}
