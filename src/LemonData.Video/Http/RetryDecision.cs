using System;

namespace LemonData.Video;

/// <summary>Whether to send a request again, and after how long; when not, whether only the service's wait stood in the way.</summary>
internal readonly struct RetryDecision
{
    private RetryDecision(bool shouldRetry, TimeSpan delay, TimeSpan? waitCap)
    {
        ShouldRetry = shouldRetry;
        Delay = delay;
        WaitOverCap = waitCap;
    }

    public static RetryDecision Stop { get; } = new(false, TimeSpan.Zero, null);

    public bool ShouldRetry { get; }

    public TimeSpan Delay { get; }

    /// <summary>
    /// Set when the request would have been retried but the service's <c>Retry-After</c> is longer than this cap
    /// (<c>MaxRetryDelay</c>): the caller is told so, with what to do about it.
    /// </summary>
    public TimeSpan? WaitOverCap { get; }

    public static RetryDecision After(TimeSpan delay) => new(true, delay, null);

    public static RetryDecision StopWaitOverCap(TimeSpan cap) => new(false, TimeSpan.Zero, cap);
}
