using System;
using System.Threading;

namespace LemonData.Video;

/// <summary>
/// Ends a body read that has waited the attempt timeout without a byte. Copying a video may take as long as the video
/// is large, so no timeout bounds the whole copy; but a host that stops sending mid-body would otherwise hold the
/// download for ever (HttpClient's own timeout ends with the headers), and a stall is a cut like any other: the
/// download resumes from the bytes written. One timer per body, moved only when a deadline passes, so a read costs
/// two writes of a timestamp.
/// </summary>
internal sealed class ReadStallTimeout : IDisposable
{
    private const long NotReading = 0;

    private readonly TimeProvider _clock;
    private readonly TimeSpan _timeout;
    private readonly long _timeoutTicks;
    private readonly CancellationToken _caller;
    private readonly CancellationTokenSource _source = new();
    private readonly CancellationTokenRegistration _callerLink;
    private readonly ITimer _timer;

    // When the read in progress began (a timestamp of the clock), or NotReading between reads.
    private long _readStarted;
    private int _stalled;

    private ReadStallTimeout(TimeProvider clock, TimeSpan timeout, CancellationToken caller)
    {
        _clock = clock;
        _timeout = timeout;
        _timeoutTicks = Math.Max(1, (long)(timeout.Ticks * ((double)clock.TimestampFrequency / TimeSpan.TicksPerSecond)));
        _caller = caller;
        _callerLink = caller.CanBeCanceled ? caller.Register(static state => ((CancellationTokenSource)state!).Cancel(), _source) : default;

        // Lives no longer than the body, but must not keep the caller's async locals alive through the timer queue.
        var restoreFlow = !ExecutionContext.IsFlowSuppressed();
        var flow = restoreFlow ? ExecutionContext.SuppressFlow() : default;
        try
        {
            _timer = clock.CreateTimer(static state => ((ReadStallTimeout)state!).OnTimer(), this, timeout, Timeout.InfiniteTimeSpan);
        }
        finally
        {
            if (restoreFlow)
            {
                flow.Undo();
            }
        }
    }

    /// <summary>Cancelled by the caller, or when a read has waited the timeout.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Whether a stall (not the caller) ended the read.</summary>
    public bool Stalled => Volatile.Read(ref _stalled) == 1 && !_caller.IsCancellationRequested;

    /// <summary>How long a read may wait for its first byte.</summary>
    public TimeSpan Limit => _timeout;

    /// <summary>
    /// A token for reading a body: one that also ends a stalled read, or the caller's own when no timeout applies
    /// (<see cref="Timeout.InfiniteTimeSpan"/>): then this returns null and costs nothing.
    /// </summary>
    public static ReadStallTimeout? Start(TimeProvider clock, TimeSpan timeout, CancellationToken caller) =>
        timeout == Timeout.InfiniteTimeSpan ? null : new ReadStallTimeout(clock, timeout, caller);

    /// <summary>A read begins: it may wait up to the timeout.</summary>
    public void ReadStarting() => Volatile.Write(ref _readStarted, _clock.GetTimestamp());

    /// <summary>The read returned: the time until the next one (writing to the destination) is not a stall.</summary>
    public void ReadEnded() => Volatile.Write(ref _readStarted, NotReading);

    public void Dispose()
    {
        _callerLink.Dispose();
        _timer.Dispose();
        _source.Dispose();
    }

    private void OnTimer()
    {
        var started = Volatile.Read(ref _readStarted);
        var waited = started == NotReading ? 0 : _clock.GetTimestamp() - started;
        if (waited < _timeoutTicks)
        {
            // No read, or one that may still wait: look again when the read in progress (or the next) would time out.
            var remaining = TimeSpan.FromTicks((long)((_timeoutTicks - waited) * ((double)TimeSpan.TicksPerSecond / _clock.TimestampFrequency)));
            try
            {
                _timer.Change(remaining > TimeSpan.Zero ? remaining : TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan);
            }
            catch (ObjectDisposedException)
            {
                // The body ended meanwhile.
            }

            return;
        }

        Volatile.Write(ref _stalled, 1);
        try
        {
            _source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The body ended meanwhile.
        }
    }
}
