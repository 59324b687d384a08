using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video.Batch.Tests.Support;

/// <summary>The process "died": nothing after this reaches the ledger.</summary>
internal sealed class SimulatedCrashException : Exception
{
    public SimulatedCrashException(string message)
        : base(message)
    {
    }
}

/// <summary>
/// A ledger whose process dies at the change numbered <c>crashAt</c>: just before it is written, or just after (the write
/// landed, what followed did not). From then on every read and write fails, as nothing more of a dead process reaches the
/// disk, while the work already on the network (a create on its way) goes on and is lost, as it would be. The claim
/// passes through: the runner's release of it stands for the operating system's cleanup of a dead process.
/// </summary>
internal sealed class CrashingLedger : IVideoJobLedger
{
    private readonly IVideoJobLedger _inner;
    private readonly int _crashAt;
    private readonly bool _afterWrite;
    private int _changes;
    private volatile bool _dead;

    public CrashingLedger(IVideoJobLedger inner, int crashAt, bool afterWrite)
    {
        _inner = inner;
        _crashAt = crashAt;
        _afterWrite = afterWrite;
    }

    public bool Crashed => _dead;

    public Task<IAsyncDisposable> ClaimAsync(CancellationToken cancellationToken = default) => _inner.ClaimAsync(cancellationToken);

    public Task<int> PlanAsync(IEnumerable<VideoJob> jobs, CancellationToken cancellationToken = default) => Alive(() => _inner.PlanAsync(jobs, cancellationToken));

    public Task<int> MarkInterruptedSubmissionsAsync(CancellationToken cancellationToken = default) => Alive(() => _inner.MarkInterruptedSubmissionsAsync(cancellationToken));

    public Task<int> ReplanAsync(VideoJobState state, string reason, CancellationToken cancellationToken = default) => Alive(() => _inner.ReplanAsync(state, reason, cancellationToken));

    public Task<VideoJobRecord> RecordAsync(VideoJobChange change, CancellationToken cancellationToken = default) =>
        ChangeAsync(change.ToString(), () => _inner.RecordAsync(change, cancellationToken));

    // A claim writes Planned -> Submitting: a change like any other, the one before the create is sent.
    public Task<VideoJobRecord?> ClaimNextPlannedAsync(CancellationToken cancellationToken = default) =>
        ChangeAsync("the claim of a planned job", () => _inner.ClaimNextPlannedAsync(cancellationToken));

    public Task<VideoJobRecord?> LeaseNextAsync(VideoJobState state, CancellationToken cancellationToken = default) =>
        Alive(() => _inner.LeaseNextAsync(state, cancellationToken));

    public Task<int> CountHeldByOtherWorkersAsync(CancellationToken cancellationToken = default) => Alive(() => _inner.CountHeldByOtherWorkersAsync(cancellationToken));

    public Task<string> BindServiceAsync(string service, CancellationToken cancellationToken = default) => Alive(() => _inner.BindServiceAsync(service, cancellationToken));

    private async Task<T> ChangeAsync<T>(string what, Func<Task<T>> write)
    {
        ThrowIfDead();
        if (Interlocked.Increment(ref _changes) != _crashAt)
        {
            return await write();
        }

        if (_afterWrite)
        {
            await write();
        }

        _dead = true;
        throw new SimulatedCrashException("The process died " + (_afterWrite ? "after" : "before") + " recording " + what + ".");
    }

    public Task<IReadOnlyList<VideoJobRecord>> ReadPageAsync(VideoJobState? state, long afterSequence, int limit, CancellationToken cancellationToken = default) =>
        Alive(() => _inner.ReadPageAsync(state, afterSequence, limit, cancellationToken));

    public Task<VideoJobRecord?> FindAsync(string key, CancellationToken cancellationToken = default) => Alive(() => _inner.FindAsync(key, cancellationToken));

    public Task<IReadOnlyDictionary<VideoJobState, int>> CountAsync(CancellationToken cancellationToken = default) => Alive(() => _inner.CountAsync(cancellationToken));

    private Task<T> Alive<T>(Func<Task<T>> call)
    {
        ThrowIfDead();
        return call();
    }

    private void ThrowIfDead()
    {
        if (_dead)
        {
            throw new SimulatedCrashException("The process is dead.");
        }
    }
}
