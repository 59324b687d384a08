using System;
using System.Threading;

namespace LemonData.Video;

/// <summary>
/// The token of one attempt: cancelled when the caller cancels or when the attempt timeout passes. Every
/// request makes one, so it costs only what the case needs: no timeout, nothing at all (the caller's token is
/// the attempt's); a timeout, a recycled <see cref="AttemptTimer"/>, tied to the caller's token only when that
/// token can be cancelled (a registration instead of a linked source, which would add a second source and its links).
/// </summary>
internal readonly struct AttemptCancellation : IDisposable
{
    // What a timer accepts (Timer.MaxSupportedTimeout). A longer timeout gets a source of its own, which
    // refuses it (or not, with a fake clock) exactly as it always did.
    private static readonly TimeSpan LongestTimerDelay = TimeSpan.FromMilliseconds(4294967294);

    private readonly CancellationToken _token;
    private readonly CancellationToken _caller;
    private readonly CancellationTokenRegistration _callerLink;
    private readonly AttemptTimer? _timer;
    private readonly AttemptTimerPool? _pool;
    private readonly CancellationTokenSource? _ownSource;

    private AttemptCancellation(CancellationToken token, CancellationToken caller, CancellationTokenRegistration callerLink, AttemptTimer? timer, AttemptTimerPool? pool, CancellationTokenSource? ownSource)
    {
        _token = token;
        _caller = caller;
        _callerLink = callerLink;
        _timer = timer;
        _pool = pool;
        _ownSource = ownSource;
    }

    /// <summary>Cancelled by the caller or by the attempt timeout.</summary>
    public CancellationToken Token => _token;

    /// <summary>Whether the attempt timeout (not the caller) cancelled the attempt.</summary>
    public bool TimedOut =>
        (_timer?.IsCancellationRequested ?? _ownSource?.IsCancellationRequested ?? false) && !_caller.IsCancellationRequested;

    /// <param name="timers">Where this client's attempt timers are recycled.</param>
    /// <param name="timeProvider">Whose clock times the attempt (a fake one in tests).</param>
    /// <param name="attemptTimeout">How long one attempt may take; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</param>
    /// <param name="caller">The caller's token.</param>
    public static AttemptCancellation Start(AttemptTimerPool timers, TimeProvider timeProvider, TimeSpan attemptTimeout, CancellationToken caller)
    {
        if (attemptTimeout == Timeout.InfiniteTimeSpan)
        {
            return new AttemptCancellation(caller, caller, default, timer: null, pool: null, ownSource: null);
        }

        if (attemptTimeout > LongestTimerDelay)
        {
            var source = timeProvider.CreateTimeoutSource(attemptTimeout);
            return new AttemptCancellation(source.Token, caller, Link(caller, static state => ((CancellationTokenSource)state!).Cancel(), source), timer: null, pool: null, source);
        }

        var timer = timers.Rent();
        timer.Start(attemptTimeout);
        return new AttemptCancellation(timer.Token, caller, Link(caller, static state => ((AttemptTimer)state!).Cancel(), timer), timer, timers, ownSource: null);
    }

    public void Dispose()
    {
        // The link first: once it is gone (Dispose waits for a callback already running), the caller's
        // cancellation can no longer reach a timer that is recycled or a source that is disposed.
        _callerLink.Dispose();
        if (_timer is not null)
        {
            _pool!.Return(_timer);
        }

        _ownSource?.Dispose();
    }

    // Passes the caller's cancellation on; runs at once when the caller has already cancelled, so the attempt starts cancelled.
    private static CancellationTokenRegistration Link(CancellationToken caller, Action<object?> cancel, object state)
    {
        if (!caller.CanBeCanceled)
        {
            return default;
        }

#if NET8_0_OR_GREATER
        return caller.UnsafeRegister(cancel, state);
#else
        return caller.Register(cancel, state);
#endif
    }
}
