using System;
using System.Net.Http;

namespace LemonData.Video;

/// <summary>Reads <c>Retry-After</c> in both of its forms: seconds, or an HTTP date.</summary>
internal static class RetryAfterReader
{
    /// <param name="response">The answer.</param>
    /// <param name="now">The time an HTTP date is counted from.</param>
    public static TimeSpan? Read(HttpResponseMessage response, DateTimeOffset now) => Read(response, clock: null, now);

    /// <param name="response">The answer.</param>
    /// <param name="clock">Tells the time an HTTP date is counted from: asked only when the header is one, not for every answer.</param>
    public static TimeSpan? Read(HttpResponseMessage response, TimeProvider clock) => Read(response, clock, now: default);

    private static TimeSpan? Read(HttpResponseMessage response, TimeProvider? clock, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - (clock?.GetUtcNow() ?? now);
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        // Some proxies send fractional seconds, which the typed header rejects.
        if (response.Headers.TryGetValues("Retry-After", out var values))
        {
            foreach (var value in values)
            {
                if (double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
                    && seconds >= 0 && seconds < TimeSpan.MaxValue.TotalSeconds)
                {
                    return TimeSpan.FromSeconds(seconds);
                }
            }
        }

        return null;
    }
}
