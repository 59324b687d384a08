using System;
using System.Diagnostics;
using System.Threading;

namespace LemonData.Video.Batch;

/// <summary>
/// When each of the ledger's sources of work (Completed and Created tasks to lease, Planned jobs to claim) was last found
/// empty, so that a run does not ask again at once for what just came up empty, yet asks every source once more, after
/// <see cref="Reset"/>, before it ends.
/// </summary>
internal sealed class JobSources
{
    public const int Completed = 0;
    public const int Created = 1;
    public const int Planned = 2;

    private const long Never = long.MinValue / 2;

    private readonly Stopwatch _clock;
    private readonly long[] _emptyAt = { Never, Never, Never };
    private long _resetAt;

    public JobSources(Stopwatch clock) => _clock = clock;

    public void FoundEmpty(int source) => Volatile.Write(ref _emptyAt[source], _clock.Elapsed.Ticks);

    /// <summary>Found empty since the last reset, less than <paramref name="interval"/> ago.</summary>
    public bool RecentlyEmpty(int source, TimeSpan interval)
    {
        var emptyAt = Volatile.Read(ref _emptyAt[source]);
        return emptyAt >= Volatile.Read(ref _resetAt) && _clock.Elapsed.Ticks - emptyAt < interval.Ticks;
    }

    /// <summary>Every source was found empty since the last reset (Planned needs no asking once creates have stopped).</summary>
    public bool EachFoundEmptySinceReset(bool creatingStopped)
    {
        var resetAt = Volatile.Read(ref _resetAt);
        return Volatile.Read(ref _emptyAt[Completed]) >= resetAt
            && Volatile.Read(ref _emptyAt[Created]) >= resetAt
            && (creatingStopped || Volatile.Read(ref _emptyAt[Planned]) >= resetAt);
    }

    public void Reset() => Volatile.Write(ref _resetAt, _clock.Elapsed.Ticks);
}
