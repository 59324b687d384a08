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
    /// Claims the ledger for one run, until the returned handle is disposed. A ledger that one runner at a time may use
    /// (<see cref="SqliteVideoJobLedger"/>) refuses a second claim at once with <see cref="VideoJobLedgerLockedException"/>,
    /// naming the holder; a claim left by a process that is no longer alive is taken over.
    /// </summary>
    Task<IAsyncDisposable> ClaimAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds the jobs it does not know as <see cref="VideoJobState.Planned"/>, reading them as they come (never all at once).
    /// A known key keeps its state. A known job that was never sent (Planned, Refused) takes the new request and output
    /// path; one that was sent must come with the same ones, else <see cref="VideoJobLedgerException"/> (give a changed job
    /// a new key): the ledger never forgets what was paid for.
    /// </summary>
    /// <returns>How many jobs were added.</returns>
    Task<int> PlanAsync(IEnumerable<VideoJob> jobs, CancellationToken cancellationToken = default);

    /// <summary>
    /// Turns every <see cref="VideoJobState.Submitting"/> job into <see cref="VideoJobState.OutcomeUnknown"/>: called by a
    /// run that holds the claim, for which such a job can only have been left by a run that died mid-create.
    /// </summary>
    /// <returns>How many jobs changed.</returns>
    Task<int> MarkInterruptedSubmissionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Puts every job in <paramref name="state"/> (<see cref="VideoJobState.Refused"/> or <see cref="VideoJobState.OutcomeUnknown"/>) back to Planned, to be sent again.</summary>
    /// <returns>How many jobs changed.</returns>
    Task<int> ReplanAsync(VideoJobState state, string reason, CancellationToken cancellationToken = default);

    /// <summary>Records one change of one job, durably, if the job is in one of <see cref="VideoJobChange.AllowedFrom"/>.</summary>
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
