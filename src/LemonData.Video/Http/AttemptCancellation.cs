using System;
using System.Threading;

namespace LemonData.Video;

/// <summary>
/// The token of one attempt: cancelled when the caller cancels or when the attempt timeout passes. Every
/// request makes one, so it costs only what the case needs: no timeout, no source at all (the caller's token
/// is the attempt's); a timeout, one timer source, tied to the caller's token only when that token can be
/// cancelled (a registration instead of a linked source, which would add a second source and its links).
/// </summary>
internal readonly struct AttemptCancellation : IDisposable
{
    private readonly CancellationTokenSource? _timeout;
    private readonly CancellationTokenRegistration _callerLink;
    private readonly CancellationToken _caller;

    private AttemptCancellation(CancellationTokenSource? timeout, CancellationTokenRegistration callerLink, CancellationToken caller)
    {
        _timeout = timeout;
        _callerLink = callerLink;
        _caller = caller;
    }

    /// <summary>Cancelled by the caller or by the attempt timeout.</summary>
    public CancellationToken Token => _timeout?.Token ?? _caller;

    /// <summary>Whether the attempt timeout (not the caller) cancelled the attempt.</summary>
    public bool TimedOut => _timeout is { IsCancellationRequested: true } && !_caller.IsCancellationRequested;

    /// <param name="timeProvider">Whose clock times the attempt (a fake one in tests).</param>
    /// <param name="attemptTimeout">How long one attempt may take; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</param>
    /// <param name="caller">The caller's token.</param>
    public static AttemptCancellation Start(TimeProvider timeProvider, TimeSpan attemptTimeout, CancellationToken caller)
    {
        if (attemptTimeout == Timeout.InfiniteTimeSpan)
        {
            return new AttemptCancellation(null, default, caller);
        }

        var timeout = timeProvider.CreateTimeoutSource(attemptTimeout);
        if (!caller.CanBeCanceled)
        {
            return new AttemptCancellation(timeout, default, caller);
        }

        try
        {
            // Runs at once when the caller has already cancelled: the attempt then starts cancelled.
#if NET8_0_OR_GREATER
            var link = caller.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), timeout);
#else
            var link = caller.Register(static source => ((CancellationTokenSource)source!).Cancel(), timeout);
#endif
            return new AttemptCancellation(timeout, link, caller);
        }
        catch
        {
            timeout.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        // The link first: once it is gone, the caller's cancellation can no longer reach the disposed source.
        _callerLink.Dispose();
        _timeout?.Dispose();
    }
}
