using System;
using System.Threading;

namespace LemonData.Video;

/// <summary>Spreads delays so that many clients that failed together do not retry together.</summary>
internal static class Jitter
{
    private static int s_seed = Environment.TickCount;

    [ThreadStatic]
    private static Random? t_random;

    /// <summary>A delay within ±<paramref name="fraction"/> of <paramref name="delay"/>.</summary>
    public static TimeSpan Spread(TimeSpan delay, double fraction)
    {
        if (delay <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var random = t_random ??= new Random(Interlocked.Increment(ref s_seed));
        var factor = 1 + (((random.NextDouble() * 2) - 1) * fraction);
        return TimeSpan.FromTicks((long)(delay.Ticks * factor));
    }
}
