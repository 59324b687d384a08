using System;
using System.Threading;

namespace LemonData.Video;

/// <summary>
/// A reusable attempt timeout: a <see cref="CancellationTokenSource"/> without a timer of its own, so that
/// <c>CancellationTokenSource.TryReset</c> (.NET 6 and later) can recycle it (a source whose own timer was ever
/// started cannot be reset), and a timer of the client's <see cref="TimeProvider"/> that cancels it. Recycled by
/// <see cref="AttemptTimerPool"/>: an attempt then allocates no source, no timer, and no registration list for the
/// HTTP client's link to its token. On netstandard2.0, which cannot reset a source, each is used once.
/// </summary>
/// <remarks>
/// The timer may fire late for an attempt that already ended (its callback was queued just before it was stopped).
/// It therefore cancels only when the deadline of the attempt in progress has passed, and otherwise sets itself
/// for that deadline: a stale expiry can neither cancel a later attempt nor lose the timeout of the current one.
/// </remarks>
internal sealed class AttemptTimer
{
    private const long Idle = 0;
    private const long Expired = -1;
    private static readonly TimeSpan OneMillisecond = TimeSpan.FromMilliseconds(1);

    private readonly CancellationTokenSource _source = new();
    private readonly TimeProvider _clock;
    private readonly ITimer _timer;

    // The deadline of the attempt in progress (a timestamp of the clock), Idle between attempts, Expired once it cancelled.
    private long _deadline;

    public AttemptTimer(TimeProvider clock)
    {
        _clock = clock;

        // The timer lives as long as the pool: it must not hold on to the execution context (async locals) of the
        // request that happened to create it, as a timer otherwise does.
        var restoreFlow = !ExecutionContext.IsFlowSuppressed();
        var flow = restoreFlow ? ExecutionContext.SuppressFlow() : default;
        try
        {
            _timer = clock.CreateTimer(static state => ((AttemptTimer)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
        finally
        {
            if (restoreFlow)
            {
                flow.Undo();
            }
        }
    }

    public CancellationToken Token => _source.Token;

    /// <summary>Whether the timeout (or a caller's cancellation passed on by <see cref="Cancel"/>) cancelled the attempt.</summary>
    public bool IsCancellationRequested => _source.IsCancellationRequested;

    /// <summary>Starts an attempt that times out after <paramref name="timeout"/> (a duration a timer accepts).</summary>
    public void Start(TimeSpan timeout)
    {
        // Timestamp ticks to the clock's frequency, as TimeProvider.GetElapsedTime counts them.
        var ticks = (long)(timeout.Ticks * ((double)_clock.TimestampFrequency / TimeSpan.TicksPerSecond));
        Volatile.Write(ref _deadline, _clock.GetTimestamp() + Math.Max(ticks, 1));
        _timer.Change(timeout, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Cancels the attempt now (the caller's token was cancelled).</summary>
    public void Cancel() => _source.Cancel();

    /// <summary>
    /// Ends the attempt. True when this timer may serve another one: neither the timeout nor the caller cancelled it.
    /// False otherwise; it must then be dropped (not disposed: an expiry may still be cancelling its source).
    /// </summary>
    public bool TryStop()
    {
        _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        var deadline = Volatile.Read(ref _deadline);
        return deadline != Expired
            && Interlocked.CompareExchange(ref _deadline, Idle, deadline) == deadline
            && TryResetSource();
    }

    /// <summary>Whether this runtime can reset a source, and so recycle a timer (.NET 6 and later, not netstandard2.0).</summary>
#if NET8_0_OR_GREATER
    internal static bool IsRecyclable => true;

    // Fails when the caller's cancellation reached the source.
    private bool TryResetSource() => _source.TryReset();
#else
    internal static bool IsRecyclable => false;

    private bool TryResetSource() => false;
#endif

    /// <summary>Releases the timer of a timer that is dropped.</summary>
    public void DisposeTimer() => _timer.Dispose();

    private void OnTimer()
    {
        var deadline = Volatile.Read(ref _deadline);
        if (deadline == Idle || deadline == Expired)
        {
            return;
        }

        var remaining = _clock.GetElapsedTime(_clock.GetTimestamp(), deadline);
        if (remaining > TimeSpan.Zero)
        {
            // Early (the timer's clock and the timestamp's differ by a little) or stale: wait for this attempt's deadline.
            _timer.Change(remaining < OneMillisecond ? OneMillisecond : remaining, Timeout.InfiniteTimeSpan);
            return;
        }

        if (Interlocked.CompareExchange(ref _deadline, Expired, deadline) == deadline)
        {
            _source.Cancel();
        }
    }
}
