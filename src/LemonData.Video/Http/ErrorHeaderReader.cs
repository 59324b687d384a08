using System;
using System.Globalization;
using System.Net.Http;

namespace LemonData.Video;

/// <summary>
/// Reads what an error answer says in its headers besides <c>Retry-After</c>: the request id support asks for and the
/// rate-limit window. Read on failures only: a successful poll pays for none of it.
/// </summary>
internal static class ErrorHeaderReader
{
    // Below this a reset value is the seconds left in the window, not a Unix time (1,000,000,000 s is September 2001).
    private const double SmallestUnixSeconds = 1_000_000_000d;
    private const double SmallestUnixMilliseconds = 1_000_000_000_000d;

    public static string? RequestId(HttpResponseMessage response)
    {
        var value = First(response, "X-Request-Id");
        return string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }

    /// <param name="response">The answer.</param>
    /// <param name="now">When the answer arrived: a reset given as seconds left counts from it.</param>
    public static LemonDataRateLimit? RateLimit(HttpResponseMessage response, DateTimeOffset now)
    {
        var limitText = First(response, "X-RateLimit-Limit");
        var remainingText = First(response, "X-RateLimit-Remaining");
        var resetText = First(response, "X-RateLimit-Reset");
        if (limitText is null && remainingText is null && resetText is null)
        {
            return null;
        }

        return new LemonDataRateLimit(Count(limitText), Count(remainingText), Reset(resetText, now));
    }

    internal static DateTimeOffset? Reset(string? text, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text!.Trim();
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            if (number < 0 || double.IsNaN(number) || double.IsInfinity(number))
            {
                return null;
            }

            try
            {
                return number >= SmallestUnixMilliseconds ? DateTimeOffset.FromUnixTimeMilliseconds((long)number)
                    : number >= SmallestUnixSeconds ? DateTimeOffset.FromUnixTimeMilliseconds((long)(number * 1000))
                    : now.ToUniversalTime().AddSeconds(number);
            }
            catch (ArgumentOutOfRangeException)
            {
                return null;
            }
        }

        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? date
            : null;
    }

    private static long? Count(string? text) =>
        text is not null && long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : null;

    private static string? First(HttpResponseMessage response, string name)
    {
        if (response.Headers.TryGetValues(name, out var values))
        {
            foreach (var value in values)
            {
                return value;
            }
        }

        return null;
    }
}
