using System;

namespace LemonData.Video;

/// <summary>
/// The delays between polls. The service advises polling every 5-10 s and backing off on long
/// tasks: the delay stays at the configured interval for the first minute, then grows by half
/// each poll up to a cap, with jitter so that many waiting clients spread out. A
/// <c>Retry-After</c> from the service is always honoured.
/// </summary>
internal sealed class PollSchedule
{
    private static readonly TimeSpan PatientPeriod = TimeSpan.FromMinutes(1);
    private const double Growth = 1.5;
    private const double JitterFraction = 0.1;

    private readonly TimeSpan _interval;
    private readonly TimeSpan _maxInterval;
    private TimeSpan _current;

    public PollSchedule(TimeSpan interval, TimeSpan maxInterval)
    {
        _interval = interval;
        _maxInterval = maxInterval < interval ? interval : maxInterval;
        _current = interval;
    }

    /// <param name="elapsed">How long the wait has lasted so far.</param>
    /// <param name="retryAfter">The service's <c>Retry-After</c> on the last answer, if any.</param>
    public TimeSpan Next(TimeSpan elapsed, TimeSpan? retryAfter)
    {
        if (elapsed >= PatientPeriod)
        {
            _current = TimeSpan.FromTicks(Math.Min((long)(_current.Ticks * Growth), _maxInterval.Ticks));
        }

        var delay = Jitter.Spread(_current, JitterFraction);
        if (delay > _maxInterval)
        {
            delay = _maxInterval;
        }

        return retryAfter is { } wait && wait > delay ? wait : delay;
    }
}
