using Microsoft.Extensions.Time.Testing;

namespace HostingCalls.InProcess;

/// <summary>
/// The app's clock: the test's <see cref="FakeTimeProvider"/>, unless the code running is inside
/// <see cref="At"/>, which gives that flow (one request) a time of its own. Lets concurrent requests each know
/// the server time they were checked at, so a burst can straddle a deadline exactly.
/// </summary>
public sealed class RequestClock(FakeTimeProvider clock) : TimeProvider
{
    private readonly AsyncLocal<DateTimeOffset?> _now = new();

    public override DateTimeOffset GetUtcNow() => _now.Value ?? clock.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;

    public override long TimestampFrequency => clock.TimestampFrequency;

    public override long GetTimestamp() => clock.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        clock.CreateTimer(callback, state, dueTime, period);

    /// <summary>Code run after this (in the same async flow, until disposed) sees <paramref name="now"/>.</summary>
    public IDisposable At(DateTimeOffset now)
    {
        var before = _now.Value;
        _now.Value = now;
        return new Restore(() => _now.Value = before);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
