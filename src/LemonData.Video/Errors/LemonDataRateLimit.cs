using System;
using System.Globalization;
using System.Text;

namespace LemonData.Video;

/// <summary>
/// The rate-limit headers of an answer (<c>X-RateLimit-Limit</c>, <c>X-RateLimit-Remaining</c>, <c>X-RateLimit-Reset</c>),
/// as <see cref="LemonDataApiException.RateLimit"/> carries them. A header that was absent or unreadable is <see langword="null"/>.
/// </summary>
public sealed class LemonDataRateLimit
{
    /// <summary>Creates the value (the SDK reads it from the headers; tests may make their own).</summary>
    /// <param name="limit">Requests allowed in the current window.</param>
    /// <param name="remaining">Requests left in the current window.</param>
    /// <param name="reset">When the current window resets.</param>
    public LemonDataRateLimit(long? limit, long? remaining, DateTimeOffset? reset)
    {
        Limit = limit;
        Remaining = remaining;
        Reset = reset;
    }

    /// <summary>Requests allowed in the current window (<c>X-RateLimit-Limit</c>).</summary>
    public long? Limit { get; }

    /// <summary>Requests left in the current window (<c>X-RateLimit-Remaining</c>).</summary>
    public long? Remaining { get; }

    /// <summary>
    /// When the current window resets (<c>X-RateLimit-Reset</c>), in UTC. The header is read in each form it is seen in:
    /// Unix seconds (the documented form: any value from 1,000,000,000, that is from September 2001), Unix milliseconds
    /// (from 1,000,000,000,000), an HTTP date, or else the seconds left in the window (a smaller number, as some gateways
    /// send), counted from when the answer arrived.
    /// </summary>
    public DateTimeOffset? Reset { get; }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder("rate limit");
        if (Limit is { } limit)
        {
            text.Append(' ').Append(limit.ToString(CultureInfo.InvariantCulture)).Append(" per window");
        }

        if (Remaining is { } remaining)
        {
            text.Append(", ").Append(remaining.ToString(CultureInfo.InvariantCulture)).Append(" left");
        }

        if (Reset is { } reset)
        {
            text.Append(", resets at ").Append(reset.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
