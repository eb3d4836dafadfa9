namespace HostingCalls.Core.Common;

/// <summary>
/// Work on items of one key (a call) done a group at a time: while one group of a key is being done, the items that
/// arrive meanwhile wait and are done together as the next group (as many as <paramref name="fits"/> lets in); an item
/// alone is done at once and waits for nothing. The work is not tied to any caller, so no caller's cancellation stops
/// the others'. Each caller's task ends with its group's work, or with its failure.
/// </summary>
public sealed class ArrivalGroups<TItem>(Func<string, IReadOnlyList<TItem>, Task> work, Func<IReadOnlyList<TItem>, TItem, bool> fits)
{
    private readonly Dictionary<string, Queue<Group>> _waiting = new(StringComparer.Ordinal);

    public Task AddAsync(string key, TItem item, CancellationToken cancellationToken)
    {
        Group group;
        bool working;
        lock (_waiting)
        {
            working = _waiting.TryGetValue(key, out var groups);
            groups ??= _waiting[key] = new Queue<Group>();
            if (groups.Count == 0 || groups.Last().Started || !fits(groups.Last().Items, item))
            {
                groups.Enqueue(new Group());
            }

            group = groups.Last();
            group.Items.Add(item);
        }

        if (!working)
        {
            _ = WorkAllAsync(key);
        }

        return group.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Does the key's groups in turn until none is waiting.</summary>
    private async Task WorkAllAsync(string key)
    {
        while (true)
        {
            Group group;
            lock (_waiting)
            {
                if (!_waiting[key].TryPeek(out group!))
                {
                    _waiting.Remove(key);
                    return;
                }

                group.Started = true;
            }

            try
            {
                await work(key, group.Items);
                group.Done.TrySetResult();
            }
            catch (Exception exception)
            {
                group.Done.TrySetException(exception);
            }

            lock (_waiting)
            {
                _waiting[key].Dequeue();
            }
        }
    }

    private sealed class Group
    {
        public List<TItem> Items { get; } = [];

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Its work has begun: later items wait for the next group.</summary>
        public bool Started { get; set; }
    }
}
