using HostingCalls.Core.Access;
using HostingCalls.Core.Audit;
using HostingCalls.Core.Calls;
using HostingCalls.Core.Common;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace HostingCalls.Core.UnitTests.Calls;

public class OpenCallListTests
{
    private static readonly Caller Anonymous = Caller.Anonymous;
    private readonly Call _open = Samples.Call();
    private readonly FakeTimeProvider _clock;
    private readonly CountingCallStore _calls = new();
    private readonly CallService _service;

    public OpenCallListTests()
    {
        _clock = new FakeTimeProvider(_open.OpensAt.AddDays(3));
        _calls.Calls[_open.Id] = _open;
        _service = new CallService(_calls, new AuditService(_calls, new Mock<IAuditTrail>().Object, _clock, NullLogger<AuditService>.Instance), _clock);
    }

    [Fact]
    public async Task Anonymous_lists_within_the_memory_read_storage_once_and_again_after_it()
    {
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal([_open.Id], (await _service.ListOpenAsync(Anonymous, default)).Select(c => c.Id));
        }

        Assert.Equal(1, _calls.Lists);
        _clock.Advance(CallService.OpenListMemory - TimeSpan.FromSeconds(1));
        await _service.ListOpenAsync(Anonymous, default);
        Assert.Equal(1, _calls.Lists);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await _service.ListOpenAsync(Anonymous, default);
        Assert.Equal(2, _calls.Lists);
    }

    [Fact]
    public async Task A_call_the_secretariat_opens_here_is_listed_at_once()
    {
        await _service.ListOpenAsync(Anonymous, default);
        var draft = _open with { Id = "0190c0de00007000800000000000d4af", Status = CallStatus.Draft, OpenedAt = null, OpenedBy = null };
        _calls.Calls[draft.Id] = draft;

        await _service.OpenAsync(Caller.Secretariat("sec"), draft.Id, "etag", default);

        Assert.Equal(2, (await _service.ListOpenAsync(Anonymous, default)).Count);
        Assert.Equal(2, _calls.Lists);
    }

    [Fact]
    public async Task A_remembered_call_is_not_listed_once_its_deadline_has_passed()
    {
        await _service.ListOpenAsync(Anonymous, default);
        _clock.SetUtcNow(_open.LastAcceptedAt.AddTicks(1));

        Assert.Empty(await _service.ListOpenAsync(Anonymous, default));
    }

    /// <summary>A call store that counts the list queries, the ones the memory saves.</summary>
    private sealed class CountingCallStore : ICallStore
    {
        public Dictionary<string, Call> Calls { get; } = new(StringComparer.Ordinal);

        public int Lists { get; private set; }

        public Task<Stored<Call>?> FindAsync(string callId, CancellationToken cancellationToken) =>
            Task.FromResult(Calls.TryGetValue(callId, out var c) ? new Stored<Call>(c, "etag") : null);

        public Task<Stored<Call>> AddAsync(Call call, CancellationToken cancellationToken)
        {
            Calls[call.Id] = call;
            return Task.FromResult(new Stored<Call>(call, "etag"));
        }

        public Task<Stored<Call>> ReplaceAsync(Call call, string etag, CancellationToken cancellationToken) => AddAsync(call, cancellationToken);

        public Task<IReadOnlyList<Stored<Call>>> ListAsync(CallStatus status, CancellationToken cancellationToken)
        {
            Lists++;
            return Task.FromResult<IReadOnlyList<Stored<Call>>>([.. Calls.Values.Where(c => c.Status == status).Select(c => new Stored<Call>(c, "etag"))]);
        }
    }
}
