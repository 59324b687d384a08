using System;
using System.Threading;

namespace LemonData.Video;

/// <summary>
/// The <see cref="AttemptTimer"/>s of one client, kept between attempts. A few slots, taken and given back with one
/// interlocked exchange each: enough for the requests a client has in flight at once in practice; past that, an
/// attempt makes a timer of its own and drops it afterwards.
/// </summary>
internal sealed class AttemptTimerPool
{
    private readonly TimeProvider _clock;
    private readonly AttemptTimer?[] _slots = new AttemptTimer?[Math.Max(4, Environment.ProcessorCount * 2)];

    public AttemptTimerPool(TimeProvider clock)
    {
        _clock = clock;
    }

    public AttemptTimer Rent()
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            if (Volatile.Read(ref _slots[i]) is not null && Interlocked.Exchange(ref _slots[i], null) is { } timer)
            {
                return timer;
            }
        }

        return new AttemptTimer(_clock);
    }

    /// <summary>Ends the attempt and keeps the timer for another, if it can serve one and a slot is free.</summary>
    public void Return(AttemptTimer timer)
    {
        if (timer.TryStop())
        {
            for (var i = 0; i < _slots.Length; i++)
            {
                if (Interlocked.CompareExchange(ref _slots[i], timer, null) is null)
                {
                    return;
                }
            }
        }

        timer.DisposeTimer();
    }
}
