using System;
using System.Threading;
using Microsoft.Extensions.Time.Testing;

namespace LemonData.Video.Tests.Unit;

/// <summary>
/// The recycled attempt timeout: it cancels exactly at the attempt's deadline, never an attempt after the one it
/// was started for, and is recycled only when nothing cancelled it.
/// </summary>
public sealed class AttemptTimerTests
{
    private static readonly TimeSpan Timeout10s = TimeSpan.FromSeconds(10);

    [Fact]
    public void It_cancels_at_the_deadline_and_is_then_not_recycled()
    {
        var clock = new FakeTimeProvider();
        var timer = new AttemptTimer(clock);
        timer.Start(Timeout10s);

        clock.Advance(Timeout10s - TimeSpan.FromTicks(1));
        Assert.False(timer.Token.IsCancellationRequested);
        clock.Advance(TimeSpan.FromTicks(1));

        Assert.True(timer.Token.IsCancellationRequested);
        Assert.False(timer.TryStop());
    }

    [Fact]
    public void A_stopped_attempt_never_times_out_and_the_timer_serves_the_next()
    {
        var clock = new FakeTimeProvider();
        var timer = new AttemptTimer(clock);
        timer.Start(Timeout10s);
        clock.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(AttemptTimer.IsRecyclable, timer.TryStop());
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.False(timer.Token.IsCancellationRequested);

        if (AttemptTimer.IsRecyclable)
        {
            timer.Start(Timeout10s);
            clock.Advance(Timeout10s);
            Assert.True(timer.Token.IsCancellationRequested);
        }
    }

    [Fact]
    public void A_late_expiry_of_a_finished_attempt_does_not_cancel_the_next_one_nor_lose_its_timeout()
    {
        if (!AttemptTimer.IsRecyclable)
        {
            return; // netstandard2.0 cannot reset a source: a timer serves one attempt, and no later one exists.
        }

        var clock = new ManualClock();
        var timer = new AttemptTimer(clock);
        timer.Start(Timeout10s);
        clock.Now += Timeout10s; // the expiry is due and its callback queued, but the attempt ends first
        Assert.True(timer.TryStop());

        timer.Start(Timeout10s);
        clock.Now += TimeSpan.FromSeconds(1);
        clock.Fire(); // the stale expiry arrives during the next attempt

        Assert.False(timer.Token.IsCancellationRequested);
        Assert.Equal(TimeSpan.FromSeconds(9), clock.DueIn); // set again for this attempt's own deadline
        clock.Now += TimeSpan.FromSeconds(9);
        clock.Fire();
        Assert.True(timer.Token.IsCancellationRequested);
    }

    [Fact]
    public void An_expiry_slightly_before_the_deadline_waits_for_it()
    {
        var clock = new ManualClock();
        var timer = new AttemptTimer(clock);
        timer.Start(Timeout10s);

        clock.Now += Timeout10s - TimeSpan.FromTicks(5_000); // the timer's own clock ran half a millisecond ahead
        clock.Fire();

        Assert.False(timer.Token.IsCancellationRequested);
        Assert.Equal(TimeSpan.FromMilliseconds(1), clock.DueIn);
        clock.Now += TimeSpan.FromMilliseconds(1);
        clock.Fire();
        Assert.True(timer.Token.IsCancellationRequested);
    }

    [Fact]
    public void The_callers_cancellation_reaches_the_attempt_and_is_not_taken_for_a_timeout_nor_recycled()
    {
        var clock = new FakeTimeProvider();
        var pool = new AttemptTimerPool(clock);
        using var caller = new CancellationTokenSource();
        AttemptTimer first;
        using (var attempt = AttemptCancellation.Start(pool, clock, Timeout10s, caller.Token))
        {
            caller.Cancel();
            Assert.True(attempt.Token.IsCancellationRequested);
            Assert.False(attempt.TimedOut);
            first = pool.Rent(); // a second attempt in flight gets another timer
            Assert.False(first.Token.IsCancellationRequested);
            pool.Return(first);
        }

        using var next = AttemptCancellation.Start(pool, clock, Timeout10s, CancellationToken.None);
        Assert.False(next.Token.IsCancellationRequested);
    }

    [Fact]
    public void A_timer_is_recycled_after_an_attempt_that_ended_normally()
    {
        var clock = new FakeTimeProvider();
        var pool = new AttemptTimerPool(clock);
        using var caller = new CancellationTokenSource();
        CancellationToken firstToken;
        using (var attempt = AttemptCancellation.Start(pool, clock, Timeout10s, caller.Token))
        {
            firstToken = attempt.Token;
        }

        caller.Cancel(); // after the attempt: must reach nothing
        using var second = AttemptCancellation.Start(pool, clock, Timeout10s, CancellationToken.None);

        Assert.Equal(AttemptTimer.IsRecyclable, second.Token == firstToken);
        Assert.False(second.Token.IsCancellationRequested);
        clock.Advance(Timeout10s);
        Assert.True(second.TimedOut);
    }

    [Fact]
    public void Without_an_attempt_timeout_the_callers_token_is_the_attempts()
    {
        using var caller = new CancellationTokenSource();
        using var attempt = AttemptCancellation.Start(new AttemptTimerPool(TimeProvider.System), TimeProvider.System, Timeout.InfiniteTimeSpan, caller.Token);

        Assert.Equal(caller.Token, attempt.Token);
        caller.Cancel();
        Assert.False(attempt.TimedOut);
    }

    /// <summary>A clock whose single timer fires only when the test says so, late or early as the test needs.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private TimerCallback? _callback;
        private object? _state;

        public TimeSpan Now { get; set; }

        public TimeSpan? DueIn { get; private set; }

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Now.Ticks;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            _callback = callback;
            _state = state;
            return new ManualTimer(this);
        }

        public void Fire() => _callback!(_state);

        private sealed class ManualTimer : ITimer
        {
            private readonly ManualClock _clock;

            public ManualTimer(ManualClock clock) => _clock = clock;

            public bool Change(TimeSpan dueTime, TimeSpan period)
            {
                _clock.DueIn = dueTime == Timeout.InfiniteTimeSpan ? null : dueTime;
                return true;
            }

            public void Dispose()
            {
            }

            public System.Threading.Tasks.ValueTask DisposeAsync() => default;
        }
    }
}
