using Azure;
using Azure.Data.Tables;
using HostingCalls.Functions.Storage;
using Moq;

namespace HostingCalls.Functions.UnitTests.Storage;

public class IntakeTransactionsTests
{
    private readonly Mock<TableClient> _table = new();
    private readonly List<List<string>> _transactions = [];

    /// <summary>One offer's rows: its row keys are named after it, so each answer can be traced to its rows.</summary>
    private static TableTransactionAction[] Rows(string offer) =>
        [.. new[] { "offer", "key", "receipt", "journal" }.Select(row => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("call", $"{offer}-{row}")))];

    /// <summary>A response per row, whose request id names the row it answers.</summary>
    private static Response<IReadOnlyList<Response>> Answers(IEnumerable<TableTransactionAction> actions) =>
        Response.FromValue<IReadOnlyList<Response>>([.. actions.Select(a => Answer(a.Entity.RowKey))], Answer("batch"));

    private static Response Answer(string name)
    {
        var response = new Mock<Response>();
        response.SetupGet(r => r.ClientRequestId).Returns(name);
        return response.Object;
    }

    private void Stores(Func<List<TableTransactionAction>, Task<Response<IReadOnlyList<Response>>>> transaction) =>
        _table.Setup(t => t.SubmitTransactionAsync(It.IsAny<IEnumerable<TableTransactionAction>>(), It.IsAny<CancellationToken>()))
            .Returns((IEnumerable<TableTransactionAction> actions, CancellationToken _) =>
            {
                var list = actions.ToList();
                lock (_transactions)
                {
                    _transactions.Add([.. list.Select(a => a.Entity.RowKey)]);
                }

                return transaction(list);
            });

    /// <summary>Offer a's transaction waits until the result is set; every transaction is then answered by <paramref name="answer"/>.</summary>
    private TaskCompletionSource HoldingOfferA(Func<List<TableTransactionAction>, Response<IReadOnlyList<Response>>>? answer = null)
    {
        var held = new TaskCompletionSource();
        Stores(async actions =>
        {
            if (actions[0].Entity.RowKey == "a-offer")
            {
                await held.Task;
                return Answers(actions);
            }

            return (answer ?? Answers)(actions);
        });
        return held;
    }

    [Fact]
    public async Task Offers_arriving_while_a_transaction_is_on_its_way_go_together_in_the_next_and_each_gets_its_own_answers()
    {
        var firstStored = HoldingOfferA();
        var intake = new IntakeTransactions(_table.Object);

        var a = intake.SubmitAsync("call", Rows("a"), default);
        var others = new[] { "b", "c", "d" }.Select(o => intake.SubmitAsync("call", Rows(o), default)).ToList();
        firstStored.SetResult();

        Assert.Equal(["a-offer", "a-key", "a-receipt", "a-journal"], (await a).Select(r => r.ClientRequestId));
        foreach (var (offer, answer) in new[] { "b", "c", "d" }.Zip(others))
        {
            Assert.Equal($"{offer}-offer", (await answer)[0].ClientRequestId);
            Assert.Equal(4, (await answer).Count);
        }

        Assert.Equal(2, _transactions.Count);
        Assert.Equal(12, _transactions[1].Count);
    }

    [Fact]
    public async Task An_offer_whose_request_was_given_up_while_it_waited_is_not_written()
    {
        var firstStored = HoldingOfferA();
        var intake = new IntakeTransactions(_table.Object);
        using var givenUp = new CancellationTokenSource();

        var a = intake.SubmitAsync("call", Rows("a"), default);
        var b = intake.SubmitAsync("call", Rows("b"), givenUp.Token);
        var c = intake.SubmitAsync("call", Rows("c"), default);
        await givenUp.CancelAsync();
        firstStored.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => b);
        Assert.Equal("c-offer", (await c)[0].ClientRequestId);
        await a;
        Assert.DoesNotContain(_transactions, t => t.Contains("b-offer"));
    }

    [Fact]
    public async Task No_transaction_holds_more_than_100_rows()
    {
        var firstStored = new TaskCompletionSource();
        Stores(async actions =>
        {
            await firstStored.Task;
            return Answers(actions);
        });
        var intake = new IntakeTransactions(_table.Object);

        var answers = Enumerable.Range(0, 60).Select(i => intake.SubmitAsync("call", Rows($"o{i}"), default)).ToList();
        firstStored.SetResult();
        await Task.WhenAll(answers);

        Assert.All(_transactions, t => Assert.True(t.Count <= 100, $"{t.Count} rows in one transaction"));
        Assert.Equal(240, _transactions.Sum(t => t.Count));
        Assert.Equal([1, 25, 25, 9], _transactions.Select(t => t.Count / 4));
    }

    [Fact]
    public async Task When_a_shared_transaction_is_refused_each_offer_is_written_alone_and_only_the_one_at_fault_fails()
    {
        var firstStored = HoldingOfferA(actions => actions.Any(a => a.Entity.RowKey == "taken-key")
            ? throw new TableTransactionFailedException(new RequestFailedException(409, "The specified entity already exists.", "EntityAlreadyExists", null))
            : Answers(actions));
        var intake = new IntakeTransactions(_table.Object);

        var a = intake.SubmitAsync("call", Rows("a"), default);
        var taken = intake.SubmitAsync("call", Rows("taken"), default);
        var fresh = intake.SubmitAsync("call", Rows("fresh"), default);
        firstStored.SetResult();
        await a;

        Assert.Equal(409, (await Assert.ThrowsAsync<TableTransactionFailedException>(() => taken)).Status);
        Assert.Equal("fresh-offer", (await fresh)[0].ClientRequestId);
        Assert.Equal([4, 8, 4, 4], _transactions.Select(t => t.Count)); // a; taken and fresh together, refused; then each alone
    }

    [Fact]
    public async Task Any_other_failure_of_a_shared_transaction_is_every_members_as_it_would_have_been_alone()
    {
        var firstStored = HoldingOfferA(_ => throw new RequestFailedException(503, "Server busy"));
        var intake = new IntakeTransactions(_table.Object);

        var a = intake.SubmitAsync("call", Rows("a"), default);
        var b = intake.SubmitAsync("call", Rows("b"), default);
        var c = intake.SubmitAsync("call", Rows("c"), default);
        firstStored.SetResult();
        await a;

        Assert.Equal(503, (await Assert.ThrowsAsync<RequestFailedException>(() => b)).Status);
        Assert.Equal(503, (await Assert.ThrowsAsync<RequestFailedException>(() => c)).Status);
        Assert.Equal(2, _transactions.Count); // not tried again one by one: it may have been written
    }
}
