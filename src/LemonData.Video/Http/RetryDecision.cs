using System;

namespace LemonData.Video;

/// <summary>Whether to send a request again, and after how long.</summary>
internal readonly struct RetryDecision
{
    private RetryDecision(bool shouldRetry, TimeSpan delay)
    {
        ShouldRetry = shouldRetry;
        Delay = delay;
    }

    public static RetryDecision Stop { get; } = new(false, TimeSpan.Zero);

    public bool ShouldRetry { get; }

    public TimeSpan Delay { get; }

    public static RetryDecision After(TimeSpan delay) => new(true, delay);
}
