using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video.Batch;

/// <summary>
/// The durable record of a batch: what was asked, what was sent, what the service said, what was saved. The ledger, not
/// the runner's memory, is the state of a batch: every change is recorded (and durable) before the runner takes its next
/// step, and jobs are read back in pages, so a batch of any size runs in flat memory and resumes after any crash.
/// </summary>
public interface IVideoJobLedger
{
    /// <summary>
    /// Starts this ledger instance's work as one worker of a batch, until the returned handle is disposed: the claim gives
    /// the worker the identity under which it holds jobs (<see cref="ClaimNextPlannedAsync"/>, <see cref="LeaseNextAsync"/>),
    /// and disposing it lets go of every job the worker still holds. A ledger that one runner at a time may use
    /// (<see cref="SqliteVideoJobLedger"/>) refuses a second claim at once with <see cref="VideoJobLedgerLockedException"/>,
    /// naming the holder; a claim left by a process that is no longer alive is taken over. A ledger shared by many workers
    /// registers this one beside the others and keeps it alive (renewing its lease) until the handle is disposed.
    /// </summary>
    /// <exception cref="InvalidOperationException">This ledger instance is already claimed (open one instance per worker).</exception>
    Task<IAsyncDisposable> ClaimAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds the jobs it does not know as <see cref="VideoJobState.Planned"/>, reading them as they come (never all at once).
    /// A known key keeps its state. A known job that was never sent (Planned, Refused) takes the new request and output
    /// path; one that was sent must come with the same ones, else <see cref="VideoJobLedgerException"/> (give a changed job
    /// a new key): the ledger never forgets what was paid for. Many workers may plan the same jobs at once: each key is
    /// added once.
    /// </summary>
    /// <returns>How many jobs were added.</returns>
    Task<int> PlanAsync(IEnumerable<VideoJob> jobs, CancellationToken cancellationToken = default);

    /// <summary>
    /// Turns into <see cref="VideoJobState.OutcomeUnknown"/> every <see cref="VideoJobState.Submitting"/> job whose worker
    /// is gone: such a job can only have been left by a worker that died mid-create, and may have made a paid task, so it is
    /// never sent again. The jobs this instance's own worker is sending are never touched. A single-run ledger counts every
    /// other worker as gone (its claim is exclusive); a shared one, every worker whose lease has expired.
    /// </summary>
    /// <returns>How many jobs changed.</returns>
    Task<int> MarkInterruptedSubmissionsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the first <see cref="VideoJobState.Planned"/> job no other worker has taken and records it
    /// <see cref="VideoJobState.Submitting"/>, held by this worker, durably and atomically (no two workers are ever handed
    /// the same job), before the caller sends its create.
    /// </summary>
    /// <returns>
    /// The job as recorded (Submitting), or <see langword="null"/> when no job is Planned (or, on a shared ledger, when this
    /// worker's own lease has lapsed: the others may count it as dead, so it takes nothing more).
    /// </returns>
    /// <exception cref="InvalidOperationException">The ledger has not been claimed (<see cref="ClaimAsync"/>).</exception>
    Task<VideoJobRecord?> ClaimNextPlannedAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes over the first job in <paramref name="state"/> (<see cref="VideoJobState.Created"/> or
    /// <see cref="VideoJobState.Completed"/>: a task the service already has) that no live worker holds, and holds it for
    /// this worker: a job held by a worker whose lease expired is taken over by its task id (only reads and downloads
    /// follow, so that is safe). A job this worker already holds is never handed out again.
    /// </summary>
    /// <returns>The job, now held by this worker, or <see langword="null"/> when none is free.</returns>
    /// <exception cref="InvalidOperationException">The ledger has not been claimed, or <paramref name="state"/> is not Created or Completed.</exception>
    Task<VideoJobRecord?> LeaseNextAsync(VideoJobState state, CancellationToken cancellationToken = default);

    /// <summary>
    /// How many unfinished jobs (Submitting, Created, Completed) other live workers hold: while any do, a worker with
    /// nothing to take keeps watching, to take them over should their worker die. Always 0 on a single-run ledger.
    /// </summary>
    Task<int> CountHeldByOtherWorkersAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Records, the first time it is called on this ledger, which service the batch's tasks are created on (for example
    /// <c>simulator</c> or <c>service</c>), and returns what the ledger holds. A task id means nothing to another service,
    /// so a caller that gets back something other than what it passed must not run the batch there.
    /// </summary>
    /// <param name="service">A name for the service this run talks to.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The service the ledger was first run against (<paramref name="service"/> for a new ledger).</returns>
    Task<string> BindServiceAsync(string service, CancellationToken cancellationToken = default);

    /// <summary>Puts every job in <paramref name="state"/> (<see cref="VideoJobState.Refused"/> or <see cref="VideoJobState.OutcomeUnknown"/>) back to Planned, to be sent again.</summary>
    /// <returns>How many jobs changed.</returns>
    Task<int> ReplanAsync(VideoJobState state, string reason, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records one change of one job, durably, if the job is in one of <see cref="VideoJobChange.AllowedFrom"/>. A change
    /// that <see cref="VideoJobChange.LetsGoOfJob"/> also frees the job from the worker that held it. A ledger shared by
    /// many workers records a change on a held job only for the worker that holds it.
    /// </summary>
    /// <returns>The job as recorded.</returns>
    /// <exception cref="VideoJobLedgerException">The job is unknown, or in a state the change does not apply to.</exception>
    Task<VideoJobRecord> RecordAsync(VideoJobChange change, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads up to <paramref name="limit"/> jobs in <paramref name="state"/> (any state when null) whose
    /// <see cref="VideoJobRecord.Sequence"/> is above <paramref name="afterSequence"/>, in order: pass the last job's
    /// sequence to read the next page.
    /// </summary>
    Task<IReadOnlyList<VideoJobRecord>> ReadPageAsync(VideoJobState? state, long afterSequence, int limit, CancellationToken cancellationToken = default);

    /// <summary>Reads one job, or <see langword="null"/> when the ledger does not know the key.</summary>
    Task<VideoJobRecord?> FindAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>How many jobs are in each state (every state present, 0 when none).</summary>
    Task<IReadOnlyDictionary<VideoJobState, int>> CountAsync(CancellationToken cancellationToken = default);
}
