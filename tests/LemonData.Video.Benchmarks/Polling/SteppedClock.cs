using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.Extensions.Time.Testing;

namespace LemonData.Video.Benchmarks.Polling;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that knows its pending timers, so that a driver can jump straight to the
/// next one: time advances exactly to each poll the SDK schedules, and no real time passes.
/// </summary>
public sealed class SteppedClock : FakeTimeProvider
{
    private readonly object _gate = new();
    private readonly List<TrackedTimer> _active = new();

    public int ActiveTimers
    {
        get
        {
            lock (_gate)
            {
                return _active.Count;
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var tracked = new TrackedTimer(this);
        lock (_gate)
        {
            tracked.Schedule(dueTime, period);
        }

        tracked.Inner = base.CreateTimer(
            s =>
            {
                tracked.OnFired();
                callback(s);
            },
            state,
            dueTime,
            period);
        return tracked;
    }

    /// <summary>Moves time to the next pending timer and fires it; false when none is pending.</summary>
    public bool AdvanceToNextTimer()
    {
        DateTimeOffset? next = null;
        lock (_gate)
        {
            foreach (var timer in _active)
            {
                if (next is null || timer.Due < next)
                {
                    next = timer.Due;
                }
            }
        }

        if (next is not { } due)
        {
            return false;
        }

        var step = due - GetUtcNow();
        Advance(step > TimeSpan.Zero ? step : TimeSpan.Zero);
        return true;
    }

    private sealed class TrackedTimer : ITimer
    {
        private readonly SteppedClock _clock;
        private TimeSpan _period;

        public TrackedTimer(SteppedClock clock) => _clock = clock;

        public ITimer Inner { get; set; } = null!;

        public DateTimeOffset Due { get; private set; }

        // Called under the clock's lock.
        public void Schedule(TimeSpan dueTime, TimeSpan period)
        {
            _clock._active.Remove(this);
            _period = period;
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                Due = _clock.GetUtcNow() + dueTime;
                _clock._active.Add(this);
            }
        }

        public void OnFired()
        {
            lock (_clock._gate)
            {
                _clock._active.Remove(this);
                if (_period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero)
                {
                    Due += _period;
                    _clock._active.Add(this);
                }
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (_clock._gate)
            {
                Schedule(dueTime, period);
            }

            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            lock (_clock._gate)
            {
                _clock._active.Remove(this);
            }

            Inner.Dispose();
        }

        public System.Threading.Tasks.ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }
    }
}
