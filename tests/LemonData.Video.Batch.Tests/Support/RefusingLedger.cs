using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video.Batch.Tests.Support;

/// <summary>A ledger that cannot record one kind of change (a full disk at the worst moment); everything else passes through.</summary>
internal sealed class RefusingLedger : IVideoJobLedger
{
    private readonly IVideoJobLedger _inner;
    private readonly VideoJobState _refused;

    public RefusingLedger(IVideoJobLedger inner, VideoJobState refused)
    {
        _inner = inner;
        _refused = refused;
    }

    public Task<IAsyncDisposable> ClaimAsync(CancellationToken cancellationToken = default) => _inner.ClaimAsync(cancellationToken);

    public Task<int> PlanAsync(IEnumerable<VideoJob> jobs, CancellationToken cancellationToken = default) => _inner.PlanAsync(jobs, cancellationToken);

    public Task<int> MarkInterruptedSubmissionsAsync(CancellationToken cancellationToken = default) => _inner.MarkInterruptedSubmissionsAsync(cancellationToken);

    public Task<VideoJobRecord?> ClaimNextPlannedAsync(CancellationToken cancellationToken = default) => _inner.ClaimNextPlannedAsync(cancellationToken);

    public Task<VideoJobRecord?> LeaseNextAsync(VideoJobState state, CancellationToken cancellationToken = default) => _inner.LeaseNextAsync(state, cancellationToken);

    public Task<int> CountHeldByOtherWorkersAsync(CancellationToken cancellationToken = default) => _inner.CountHeldByOtherWorkersAsync(cancellationToken);

    public Task<string> BindServiceAsync(string service, CancellationToken cancellationToken = default) => _inner.BindServiceAsync(service, cancellationToken);

    public Task<int> ReplanAsync(VideoJobState state, string reason, CancellationToken cancellationToken = default) => _inner.ReplanAsync(state, reason, cancellationToken);

    public Task<VideoJobRecord> RecordAsync(VideoJobChange change, CancellationToken cancellationToken = default) =>
        change.To == _refused
            ? Task.FromException<VideoJobRecord>(new VideoJobLedgerException("disk full", "/ledger.db"))
            : _inner.RecordAsync(change, cancellationToken);

    public Task<IReadOnlyList<VideoJobRecord>> ReadPageAsync(VideoJobState? state, long afterSequence, int limit, CancellationToken cancellationToken = default) =>
        _inner.ReadPageAsync(state, afterSequence, limit, cancellationToken);

    public Task<VideoJobRecord?> FindAsync(string key, CancellationToken cancellationToken = default) => _inner.FindAsync(key, cancellationToken);

    public Task<IReadOnlyDictionary<VideoJobState, int>> CountAsync(CancellationToken cancellationToken = default) => _inner.CountAsync(cancellationToken);
}
