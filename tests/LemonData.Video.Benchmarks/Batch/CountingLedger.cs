using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using LemonData.Video.Batch;

namespace LemonData.Video.Benchmarks.Batch;

/// <summary>A ledger that counts its calls and the time the runner waited on them: the ledger's own cost in a batch.</summary>
public sealed class CountingLedger : IVideoJobLedger
{
    private readonly IVideoJobLedger _inner;
    private long _calls;
    private long _ticks;

    public CountingLedger(IVideoJobLedger inner) => _inner = inner;

    public long Calls => Interlocked.Read(ref _calls);

    public TimeSpan Waited => TimeSpan.FromSeconds(Interlocked.Read(ref _ticks) / (double)Stopwatch.Frequency);

    public Task<IAsyncDisposable> ClaimAsync(CancellationToken cancellationToken = default) => Time(() => _inner.ClaimAsync(cancellationToken));

    public Task<int> PlanAsync(IEnumerable<VideoJob> jobs, CancellationToken cancellationToken = default) => Time(() => _inner.PlanAsync(jobs, cancellationToken));

    public Task<int> MarkInterruptedSubmissionsAsync(CancellationToken cancellationToken = default) => Time(() => _inner.MarkInterruptedSubmissionsAsync(cancellationToken));

    public Task<VideoJobRecord?> ClaimNextPlannedAsync(CancellationToken cancellationToken = default) => Time(() => _inner.ClaimNextPlannedAsync(cancellationToken));

    public Task<VideoJobRecord?> LeaseNextAsync(VideoJobState state, CancellationToken cancellationToken = default) => Time(() => _inner.LeaseNextAsync(state, cancellationToken));

    public Task<int> CountHeldByOtherWorkersAsync(CancellationToken cancellationToken = default) => Time(() => _inner.CountHeldByOtherWorkersAsync(cancellationToken));

    public Task<string> BindServiceAsync(string service, CancellationToken cancellationToken = default) => Time(() => _inner.BindServiceAsync(service, cancellationToken));

    public Task<int> ReplanAsync(VideoJobState state, string reason, CancellationToken cancellationToken = default) => Time(() => _inner.ReplanAsync(state, reason, cancellationToken));

    public Task<VideoJobRecord> RecordAsync(VideoJobChange change, CancellationToken cancellationToken = default) => Time(() => _inner.RecordAsync(change, cancellationToken));

    public Task<IReadOnlyList<VideoJobRecord>> ReadPageAsync(VideoJobState? state, long afterSequence, int limit, CancellationToken cancellationToken = default) =>
        Time(() => _inner.ReadPageAsync(state, afterSequence, limit, cancellationToken));

    public Task<VideoJobRecord?> FindAsync(string key, CancellationToken cancellationToken = default) => Time(() => _inner.FindAsync(key, cancellationToken));

    public Task<IReadOnlyDictionary<VideoJobState, int>> CountAsync(CancellationToken cancellationToken = default) => Time(() => _inner.CountAsync(cancellationToken));

    private async Task<T> Time<T>(Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await call().ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Increment(ref _calls);
            Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - started);
        }
    }
}
