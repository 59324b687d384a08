using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video.Batch;

/// <summary>
/// Runs many paid video jobs as one batch on a ledger: each job is created at most once, its task id is on disk before
/// anything else happens to it, and a run stopped at any instant (a crash, a cancellation, a 402) resumes where it stopped
/// when run again on the same ledger.
/// </summary>
/// <remarks>
/// A run plans the jobs it is given, then works on every unfinished job of the ledger, those of earlier runs included: it
/// saves the videos of completed tasks, waits on created tasks by id, and creates planned jobs, with at most
/// <see cref="VideoBatchOptions.MaxConcurrentTasks"/> in flight. A job found <see cref="VideoJobState.Submitting"/> (its
/// run died mid-create) becomes <see cref="VideoJobState.OutcomeUnknown"/> and is never sent again unless
/// <see cref="VideoBatchOptions.ResubmitUnknown"/> says so.
/// <para>
/// On a ledger shared by many workers (<c>PostgresVideoJobLedger</c>), several runners, each with its own ledger instance,
/// work on one batch together: each claims planned jobs atomically (no two ever send the same create), holds the tasks it
/// follows under its lease, takes over the tasks of a worker whose lease expired, and ends when nothing is left that it or
/// a live worker can do.
/// </para>
/// </remarks>
public sealed class VideoBatchRunner
{
    private readonly LemonDataVideoClient _client;
    private readonly IVideoJobLedger _ledger;
    private readonly VideoBatchOptions _options;

    /// <summary>Creates a runner.</summary>
    /// <param name="client">The client the creates, polls and downloads go through (with its retries and its never-twice rule).</param>
    /// <param name="ledger">The batch's durable record.</param>
    /// <param name="options">Concurrency, limits and what may be sent again; the defaults when null.</param>
    public VideoBatchRunner(LemonDataVideoClient client, IVideoJobLedger ledger, VideoBatchOptions? options = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _options = options ?? new VideoBatchOptions();
    }

    /// <summary>
    /// Plans <paramref name="jobs"/> (read as they come, added to the ledger before the first create) and runs every
    /// unfinished job of the ledger until each is as far as this run can take it.
    /// </summary>
    /// <param name="jobs">The batch's jobs; known keys keep their state. Pass none to resume what the ledger holds.</param>
    /// <param name="progress">Receives each change of each job, once recorded.</param>
    /// <param name="cancellationToken">
    /// Stops the run: no new step starts, each job in flight records where it is, and then <see cref="OperationCanceledException"/>
    /// is thrown. The ledger is consistent: run again to resume. A create already on its way gets
    /// <see cref="VideoBatchOptions.CreateGracePeriod"/> to be answered.
    /// </param>
    /// <returns>How the run left the batch; <see cref="VideoBatchSummary.IsFinished"/> false means run again (or see why).</returns>
    /// <exception cref="VideoJobLedgerLockedException">Another run holds the ledger.</exception>
    /// <exception cref="VideoJobLedgerException">The ledger cannot be used, or a sent job was changed (nothing was sent then).</exception>
    public async Task<VideoBatchSummary> RunAsync(IEnumerable<VideoJob> jobs, IProgress<VideoBatchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (jobs is null)
        {
            throw new ArgumentNullException(nameof(jobs));
        }

        var clock = Stopwatch.StartNew();
        var claim = await _ledger.ClaimAsync(cancellationToken).ConfigureAwait(false);
        await using (claim.ConfigureAwait(false))
        {
            // A Submitting job whose worker is gone can only be a create whose run died before its answer was recorded.
            var interrupted = await _ledger.MarkInterruptedSubmissionsAsync(cancellationToken).ConfigureAwait(false);
            if (_options.ResubmitUnknown)
            {
                await _ledger.ReplanAsync(VideoJobState.OutcomeUnknown, "Sent again (ResubmitUnknown): the earlier create's outcome was unknown.", cancellationToken).ConfigureAwait(false);
            }

            if (_options.RetryRefused)
            {
                await _ledger.ReplanAsync(VideoJobState.Refused, "Sent again (RetryRefused) after the service refused it.", cancellationToken).ConfigureAwait(false);
            }

            await _ledger.PlanAsync(jobs, cancellationToken).ConfigureAwait(false);
            var run = new BatchRun(_client, _ledger, _options, progress, await _ledger.CountAsync(cancellationToken).ConfigureAwait(false), clock);
            await run.ExecuteAsync(cancellationToken).ConfigureAwait(false);
            return run.Summarize(await _ledger.CountAsync(CancellationToken.None).ConfigureAwait(false), interrupted);
        }
    }
}
