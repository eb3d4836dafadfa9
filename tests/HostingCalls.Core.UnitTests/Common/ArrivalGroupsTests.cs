using HostingCalls.Core.Common;

namespace HostingCalls.Core.UnitTests.Common;

public class ArrivalGroupsTests
{
    [Fact]
    public async Task Items_arriving_while_a_group_is_worked_on_go_together_and_a_failed_group_fails_only_its_own_callers()
    {
        var first = new TaskCompletionSource();
        var done = new List<string[]>();
        var groups = new ArrivalGroups<string>(
            async (key, items) =>
            {
                done.Add([.. items]);
                if (items[0] == "a")
                {
                    await first.Task;
                }
                else if (items.Contains("bad"))
                {
                    throw new InvalidOperationException("storage said no");
                }
            },
            (items, _) => items.Count < 2);

        var a = groups.AddAsync("call", "a", default);
        var b = groups.AddAsync("call", "bad", default);
        var c = groups.AddAsync("call", "c", default);
        var d = groups.AddAsync("call", "d", default);
        first.SetResult();

        await a;
        Assert.Equal("storage said no", (await Assert.ThrowsAsync<InvalidOperationException>(() => b)).Message);
        await Assert.ThrowsAsync<InvalidOperationException>(() => c);
        await d;
        Assert.Equal([["a"], ["bad", "c"], ["d"]], done);
        await groups.AddAsync("call", "e", default); // the key keeps going after a failure
        Assert.Equal(["e"], done[^1]);
    }
}
