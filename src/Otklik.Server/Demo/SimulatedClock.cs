using System.Diagnostics;

namespace Otklik.Server.Demo;

/// <summary>
/// The demo world's clock: paused while history is filled in (set to each event's time), then running
/// <see cref="Speed"/> times faster than real time. Timers made from it (the SLA monitor's) are scaled the same way.
/// </summary>
public sealed class SimulatedClock(DateTimeOffset start, double speed) : TimeProvider
{
    private readonly Lock _lock = new();
    private DateTimeOffset _anchor = start;
    private long _anchorTicks = Stopwatch.GetTimestamp();
    private bool _running;

    public double Speed => speed;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _running ? _anchor + (Stopwatch.GetElapsedTime(_anchorTicks) * speed) : _anchor;
        }
    }

    /// <summary>Moves the paused clock (history fill-in); never backwards.</summary>
    public void Set(DateTimeOffset time)
    {
        lock (_lock)
        {
            if (time > _anchor)
            {
                _anchor = time;
            }
        }
    }

    /// <summary>Lets time run at <see cref="Speed"/> from the current simulated moment.</summary>
    public void Run()
    {
        lock (_lock)
        {
            _anchorTicks = Stopwatch.GetTimestamp();
            _running = true;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(System.CreateTimer(callback, state, Scale(dueTime), Scale(period)), this);

    internal TimeSpan Scale(TimeSpan simulated) =>
        simulated == Timeout.InfiniteTimeSpan ? simulated : TimeSpan.FromTicks(Math.Max(1, (long)(simulated.Ticks / speed)));

    private sealed class ScaledTimer(ITimer inner, SimulatedClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.Scale(dueTime), clock.Scale(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
