using System;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video;

/// <summary>Waiting through <see cref="TimeProvider"/>, so tests move time instead of sleeping.</summary>
internal static class TimeProviderDelays
{
    public static Task Delay(this TimeProvider timeProvider, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.CompletedTask;
        }

#if NET8_0_OR_GREATER
        return Task.Delay(delay, timeProvider, cancellationToken);
#else
        return TimeProviderTaskExtensions.Delay(timeProvider, delay, cancellationToken);
#endif
    }

    /// <summary>A source cancelled after <paramref name="delay"/> of the provider's time (never, for an infinite delay).</summary>
    public static CancellationTokenSource CreateTimeoutSource(this TimeProvider timeProvider, TimeSpan delay)
    {
        if (delay == Timeout.InfiniteTimeSpan)
        {
            return new CancellationTokenSource();
        }

#if NET8_0_OR_GREATER
        return new CancellationTokenSource(delay, timeProvider);
#else
        return TimeProviderTaskExtensions.CreateCancellationTokenSource(timeProvider, delay);
#endif
    }
}
