using System;

namespace LemonData.Video;

/// <summary>
/// Every retry decision of the SDK. Reads (GET, and the idempotent DELETE) are retried on 408, 429,
/// 5xx and transport failures. A create is a paid video and the service has no idempotency key, so
/// it is retried only when the service provably did not act on it: a 429 (refused), or a
/// connection that was never made. Never after a 5xx, a 408, a timeout or an unreadable answer:
/// their outcome is unknown (<see cref="CreateRefusals"/>).
/// </summary>
internal sealed class RetryPolicy
{
    private readonly int _maxRetries;
    private readonly TimeSpan _initialDelay;
    private readonly TimeSpan _maxDelay;

    public RetryPolicy(int maxRetries, TimeSpan initialDelay, TimeSpan maxDelay)
    {
        _maxRetries = maxRetries;
        _initialDelay = initialDelay;
        _maxDelay = maxDelay;
    }

    /// <summary>How many retries a request may have.</summary>
    public int MaxRetries => _maxRetries;

    /// <param name="idempotent">Whether the request may safely run twice.</param>
    /// <param name="retriesDone">How many retries were already made.</param>
    /// <param name="statusCode">The answer's status.</param>
    /// <param name="retryAfter">The service's <c>Retry-After</c>, if any.</param>
    public RetryDecision ForStatus(bool idempotent, int retriesDone, int statusCode, TimeSpan? retryAfter)
    {
        var retryable = idempotent
            ? statusCode == 408 || statusCode == 429 || statusCode >= 500
            : statusCode == 429;
        return retryable ? Schedule(retriesDone, retryAfter) : RetryDecision.Stop;
    }

    public RetryDecision ForTransportFailure(bool idempotent, int retriesDone, TransportFailure failure)
    {
        var retryable = idempotent || failure == TransportFailure.NotSent;
        return retryable ? Schedule(retriesDone, retryAfter: null) : RetryDecision.Stop;
    }

    private RetryDecision Schedule(int retriesDone, TimeSpan? retryAfter)
    {
        if (retriesDone >= _maxRetries)
        {
            return RetryDecision.Stop;
        }

        if (retryAfter is { } wait)
        {
            // The service said when; waiting less is pointless, and a wait past the cap is the
            // caller's call to make (the exception carries RetryAfter).
            return wait <= _maxDelay ? RetryDecision.After(wait < TimeSpan.Zero ? TimeSpan.Zero : wait) : RetryDecision.StopWaitOverCap(_maxDelay);
        }

        var exponential = _initialDelay.Ticks * Math.Pow(2, Math.Min(retriesDone, 30));
        var capped = Math.Min(exponential, _maxDelay.Ticks);
        return RetryDecision.After(Jitter.Spread(TimeSpan.FromTicks((long)capped), 0.2));
    }
}
