using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video.Batch;

/// <summary>
/// One worker's run over a claimed ledger. It takes one job at a time from the ledger (never every job at once): a task
/// that no live worker holds, else a planned job claimed for this worker, and moves it one recorded step at a time. A step
/// is taken only once the change before it is in the ledger, so a run stopped at any instant leaves every job where its
/// last durable change says it is. With other workers on the ledger, it keeps watching while they hold unfinished jobs,
/// and takes over those of a worker that died.
/// </summary>
internal sealed class BatchRun
{
    private const int PageSize = 64;
    private const int MaxProblemsKept = 50;

    private readonly LemonDataVideoClient _client;
    private readonly IVideoJobLedger _ledger;
    private readonly VideoBatchOptions _options;
    private readonly IProgress<VideoBatchProgress>? _progress;
    private readonly BatchCounts _counts;
    private readonly Stopwatch _clock;
    private readonly TaskSlots _slots;
    private readonly VideoFileSaver _saver;
    private readonly CreateStop _stop = new();
    private readonly ConcurrentQueue<string> _problems = new();
    private int _createsSent;
    private int _creates;
    private int _interruptedSubmissions;
    private readonly JobSources _sources;

    public BatchRun(LemonDataVideoClient client, IVideoJobLedger ledger, VideoBatchOptions options, IProgress<VideoBatchProgress>? progress, IReadOnlyDictionary<VideoJobState, int> counts, Stopwatch clock)
    {
        _client = client;
        _ledger = ledger;
        _options = options;
        _progress = progress;
        _counts = new BatchCounts(counts);
        _clock = clock;
        _slots = new TaskSlots(options.MaxConcurrentTasks);
        _saver = new VideoFileSaver(client);
        _sources = new JobSources(clock);
    }

    public async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RedownloadMissingFilesAsync(cancellationToken).ConfigureAwait(false);
            while (!_slots.Faulted)
            {
                await _slots.WaitForFreeSlotAsync(cancellationToken).ConfigureAwait(false);
                if (_slots.Faulted || await StartNextJobAsync(cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                // Nothing to take now. A worker that died meanwhile leaves its creates to be judged here, and its other
                // jobs to be taken over once its lease expires: this worker ends only when neither it nor a live worker
                // has anything left to do.
                Interlocked.Add(ref _interruptedSubmissions, await _ledger.MarkInterruptedSubmissionsAsync(cancellationToken).ConfigureAwait(false));
                if (_slots.InFlight == 0 && await _ledger.CountHeldByOtherWorkersAsync(cancellationToken).ConfigureAwait(false) == 0)
                {
                    if (_sources.EachFoundEmptySinceReset(creatingStopped: _stop.IsSet))
                    {
                        break;
                    }

                    // Some source was skipped as recently empty: each is asked once more before the run ends.
                    _sources.Reset();
                    continue;
                }

                await _slots.WaitForAnyToEndAsync(_options.IdlePollInterval, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            // Cancelled or not, every job in flight records its last step before the run returns.
            await _slots.DrainAsync().ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    public VideoBatchSummary Summarize(IReadOnlyDictionary<VideoJobState, int> counts, int interruptedAtStart) =>
        new(counts, _problems.ToArray())
        {
            StopReason = _stop.Reason,
            StopMessage = _stop.Message,
            BalanceUsd = _stop.BalanceUsd,
            EstimatedCostUsd = _stop.EstimatedCostUsd,
            CreatesSent = Volatile.Read(ref _createsSent),
            InterruptedSubmissions = interruptedAtStart + Volatile.Read(ref _interruptedSubmissions),
            Elapsed = _clock.Elapsed,
        };

    // A Downloaded job whose file is gone or is not the file written goes back to Completed, to be saved again.
    private async Task RedownloadMissingFilesAsync(CancellationToken cancellationToken)
    {
        long after = 0;
        while (true)
        {
            var page = await _ledger.ReadPageAsync(VideoJobState.Downloaded, after, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var job in page)
            {
                after = job.Sequence;
                if (!await SavedFiles.AreIntactAsync(job, cancellationToken).ConfigureAwait(false))
                {
                    await RecordAsync(VideoJobChange.Completed(job.Key, job.OutputUrls, "A saved file was missing or had changed: downloaded again."), VideoJobState.Downloaded, CancellationToken.None).ConfigureAwait(false);
                }
            }

            if (page.Count < PageSize)
            {
                return;
            }
        }
    }

    // Takes one job and starts it in the free slot: tasks the service already has come first (they are paid for, and
    // hold no create back for long), then a planned job is claimed, unless creates have stopped. A source found empty is
    // not asked again before IdlePollInterval: on a ledger of one run it stays empty, and on a shared one a dead worker's
    // jobs are taken over within that interval of its lease expiring.
    private async Task<bool> StartNextJobAsync(CancellationToken cancellationToken)
    {
        if (!_sources.RecentlyEmpty(JobSources.Completed, _options.IdlePollInterval))
        {
            if (await _ledger.LeaseNextAsync(VideoJobState.Completed, cancellationToken).ConfigureAwait(false) is { } completed)
            {
                _slots.Start(() => SaveAsync(completed.Key, completed.TaskId!, completed.OutputUrls, completed.OutputPath, completedRecorded: Task.CompletedTask, cancellationToken), cancellationToken);
                return true;
            }

            _sources.FoundEmpty(JobSources.Completed);
        }

        if (!_sources.RecentlyEmpty(JobSources.Created, _options.IdlePollInterval))
        {
            if (await _ledger.LeaseNextAsync(VideoJobState.Created, cancellationToken).ConfigureAwait(false) is { } created)
            {
                _slots.Start(() => FollowAsync(created, created: null, idRecorded: Task.CompletedTask, cancellationToken), cancellationToken);
                return true;
            }

            _sources.FoundEmpty(JobSources.Created);
        }

        if (_stop.IsSet)
        {
            return false;
        }

        if (_options.MaxJobs is { } maxJobs && Volatile.Read(ref _creates) >= maxJobs)
        {
            if ((await _ledger.ReadPageAsync(VideoJobState.Planned, 0, 1, cancellationToken).ConfigureAwait(false)).Count > 0)
            {
                _stop.Set(VideoBatchStopReason.MaxJobsReached, "MaxJobs (" + maxJobs + ") creates were sent; the other planned jobs wait for the next run.");
            }
            else
            {
                _sources.FoundEmpty(JobSources.Planned);
            }

            return false;
        }

        if (_sources.RecentlyEmpty(JobSources.Planned, _options.IdlePollInterval))
        {
            return false;
        }

        // The slot claims its job itself, so that the claims of several slots reach the ledger together (and share its
        // sync), as their other changes do.
        Interlocked.Increment(ref _creates);
        _slots.Start(() => ClaimAndCreateAsync(cancellationToken), cancellationToken);
        return true;
    }

    // Creates stopped for the account (402, 429, 401, unreachable). MaxJobs is not such a stop: it counts the claims
    // already started, which go on.
    private bool AccountStopped => _stop.IsSet && _stop.Reason != VideoBatchStopReason.MaxJobsReached;

    private async Task ClaimAndCreateAsync(CancellationToken cancellationToken)
    {
        // Submitting and this worker's, durably, before the create leaves: a worker that dies from here on leaves the job
        // Submitting, and it is never sent again.
        var claimed = AccountStopped ? null : await _ledger.ClaimNextPlannedAsync(cancellationToken).ConfigureAwait(false);
        if (claimed is null)
        {
            Interlocked.Decrement(ref _creates);
            _sources.FoundEmpty(JobSources.Planned);
            return;
        }

        // Creates stopped (a 402) while this job was being claimed: nothing was sent, so it goes back to Planned.
        if (AccountStopped)
        {
            Interlocked.Decrement(ref _creates);
            Report(claimed, VideoJobState.Planned);
            await RecordAsync(VideoJobChange.Planned(claimed.Key, "Not sent: creates stopped (" + _stop.Reason + ") while it was being claimed."), VideoJobState.Submitting, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        await CreateAsync(claimed, cancellationToken).ConfigureAwait(false);
    }

    private async Task CreateAsync(VideoJobRecord job, CancellationToken cancellationToken)
    {
        // Reported from the job's slot, so that the report counts it among the tasks in flight.
        Report(job, VideoJobState.Planned);
        VideoTask created;
        using (var createCancellation = new CancellationTokenSource())
        using (cancellationToken.Register(() => CancelAfterGrace(createCancellation)))
        {
            Interlocked.Increment(ref _createsSent);
            try
            {
                created = await _client.CreateVideoAsync(job.Request, createCancellation.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (createCancellation.IsCancellationRequested)
            {
                var abandoned = CreateVerdict.Abandoned(_options.CreateGracePeriod);
                await RecordAsync(VideoJobChange.OutcomeUnknown(job.Key, taskId: null, abandoned.Message), VideoJobState.Submitting, CancellationToken.None).ConfigureAwait(false);
                throw;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                await RecordFailedCreateAsync(job, CreateVerdict.Of(exception)).ConfigureAwait(false);
                return;
            }
        }

        // The id goes on disk before anything else is recorded about the task, whatever the run's token says meanwhile. The
        // wait starts while it is being written: a poll only reads, and the commit's sync is hidden in the wait's first
        // interval instead of added to every job's time. Nothing is recorded, and the job's work does not end, before it is.
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var idRecorded = RecordCreatedAsync(job, created, wait);
        try
        {
            await FollowAsync(job, created, idRecorded, wait.Token).ConfigureAwait(false);
        }
        finally
        {
            await idRecorded.ConfigureAwait(false);
        }
    }

    // A ledger that cannot take the id also ends the wait: the run stops at once instead of when the task finishes.
    private async Task RecordCreatedAsync(VideoJobRecord job, VideoTask created, CancellationTokenSource wait)
    {
        try
        {
            await RecordAsync(VideoJobChange.Created(job.Key, created.Id, created.PollUrl), VideoJobState.Submitting, CancellationToken.None).ConfigureAwait(false);
        }
        catch (VideoJobLedgerException exception)
        {
            // The ledger cannot take it (a full disk, a broken file): the id must not die with this run.
            wait.Cancel();
            throw new VideoJobLedgerException(
                "Job '" + job.Key + "' made task " + created.Id + ", but the ledger could not record it: " + exception.Message
                + " The job will read OutcomeUnknown; resume the task with WaitForCompletionAsync(\"" + created.Id + "\").",
                exception.LedgerPath,
                exception);
        }
    }

    private void CancelAfterGrace(CancellationTokenSource createCancellation)
    {
        if (_options.CreateGracePeriod == TimeSpan.Zero)
        {
            createCancellation.Cancel();
        }
        else
        {
            createCancellation.CancelAfter(_options.CreateGracePeriod);
        }
    }

    private async Task RecordFailedCreateAsync(VideoJobRecord job, CreateVerdict verdict)
    {
        var change = verdict.State switch
        {
            VideoJobState.Refused => VideoJobChange.Refused(job.Key, verdict.Message),
            VideoJobState.Planned => VideoJobChange.Planned(job.Key, "Not created: " + verdict.Message),
            _ => VideoJobChange.OutcomeUnknown(job.Key, verdict.TaskId, verdict.Message),
        };
        if (verdict.StopReason != VideoBatchStopReason.None)
        {
            // Before the change is recorded: no slot freed by this job may start another create.
            _stop.Set(verdict.StopReason, verdict.Message, verdict.Answer);
        }

        await RecordAsync(change, VideoJobState.Submitting, CancellationToken.None).ConfigureAwait(false);
    }

    // Waits on the task with the client's own polling (one task costs the same requests here as alone), then saves it.
    // idRecorded: the task's id being written (a fresh create's); awaited before anything else is recorded about it.
    private async Task FollowAsync(VideoJobRecord job, VideoTask? created, Task idRecorded, CancellationToken cancellationToken)
    {
        var taskId = created?.Id ?? job.TaskId!;
        VideoTask done;
        try
        {
            // A task of an earlier run is polled at once, where its create's answer said (poll_url), else by id.
            var task = created ?? new VideoTask(taskId, VideoTaskStatus.Pending) { PollUrl = job.PollUrl };
            done = await _client.WaitForCompletionAsync(task, progress: null, cancellationToken).ConfigureAwait(false);
        }
        catch (VideoGenerationFailedException failed)
        {
            await idRecorded.ConfigureAwait(false);
            await RecordAsync(VideoJobChange.Failed(job.Key, failed.Task.Error ?? failed.Message), VideoJobState.Created, CancellationToken.None).ConfigureAwait(false);
            return;
        }
        catch (Exception exception) when (exception is TimeoutException or LemonDataApiException)
        {
            // The task is recorded (once idRecorded is); the next run waits on it again.
            await idRecorded.ConfigureAwait(false);
            AddProblem(job.Key, "task " + taskId + " was not seen to finish: " + exception.Message);
            return;
        }

        await idRecorded.ConfigureAwait(false);
        var urls = new List<string>(done.Videos.Count);
        foreach (var output in done.Videos)
        {
            urls.Add(output.Url);
        }

        if (urls.Count == 0)
        {
            AddProblem(job.Key, "task " + taskId + " completed without a video URL; the next run reads it again.");
            return;
        }

        // The download starts while Completed is written (a crash before it is only repeats a poll); Downloaded waits for it.
        var completedRecorded = RecordAsync(VideoJobChange.Completed(job.Key, urls), VideoJobState.Created, CancellationToken.None);
        try
        {
            await SaveAsync(job.Key, taskId, urls, job.OutputPath, completedRecorded, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await completedRecorded.ConfigureAwait(false);
        }
    }

    // completedRecorded: the job's Completed being written; awaited before anything else is recorded about it.
    private async Task SaveAsync(string key, string taskId, IReadOnlyList<string> urls, string outputPath, Task completedRecorded, CancellationToken cancellationToken)
    {
        var parts = new List<PartialVideo>(urls.Count);
        var handedOver = false;
        try
        {
            var freshUrls = urls;
            var refreshed = false;
            for (var i = 0; i < freshUrls.Count; i++)
            {
                var path = SavedFiles.PathFor(outputPath, i);
                try
                {
                    parts.Add(await _saver.DownloadAsync(taskId, freshUrls[i], path, cancellationToken).ConfigureAwait(false));
                }
                catch (LemonDataApiException firstFailure) when (!refreshed)
                {
                    // A stored URL may have expired: the task, read again, gives fresh ones (once per job and run).
                    refreshed = true;
                    await completedRecorded.ConfigureAwait(false);
                    if (await ReadFreshUrlsAsync(key, taskId, firstFailure, cancellationToken).ConfigureAwait(false) is not { } fresh)
                    {
                        return;
                    }

                    freshUrls = fresh;
                    await AbandonAsync(parts).ConfigureAwait(false);
                    i = -1;
                }
                catch (Exception exception) when (exception is LemonDataApiException or IOException or UnauthorizedAccessException)
                {
                    AddProblem(key, "the video of task " + taskId + " could not be saved to " + path + ": " + exception.Message);
                    return;
                }
            }

            // The task's last request is done: its slot goes to the next job while the files reach the disk and the job its
            // last record (the run waits for both before it ends).
            _slots.StartTrailing(() => FinishSavingAsync(key, taskId, parts, completedRecorded));
            handedOver = true;
        }
        finally
        {
            if (!handedOver)
            {
                await AbandonAsync(parts).ConfigureAwait(false);
            }
        }
    }

    private async Task FinishSavingAsync(string key, string taskId, List<PartialVideo> parts, Task completedRecorded)
    {
        var files = new List<VideoJobFile>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            try
            {
                files.Add(await parts[i].FinishAsync().ConfigureAwait(false));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                AddProblem(key, "the video of task " + taskId + " could not be saved to " + parts[i].Path + ": " + exception.Message);
                await AbandonAsync(parts.GetRange(i + 1, parts.Count - i - 1)).ConfigureAwait(false);
                await completedRecorded.ConfigureAwait(false);
                return;
            }
        }

        await completedRecorded.ConfigureAwait(false);
        await RecordAsync(VideoJobChange.Downloaded(key, files), VideoJobState.Completed, CancellationToken.None).ConfigureAwait(false);
    }

    private static async Task AbandonAsync(List<PartialVideo> parts)
    {
        foreach (var part in parts)
        {
            await part.AbandonAsync().ConfigureAwait(false);
        }

        parts.Clear();
    }

    private async Task<IReadOnlyList<string>?> ReadFreshUrlsAsync(string key, string taskId, LemonDataApiException firstFailure, CancellationToken cancellationToken)
    {
        try
        {
            var task = await _client.GetVideoTaskAsync(taskId, cancellationToken).ConfigureAwait(false);
            var urls = new List<string>(task.Videos.Count);
            foreach (var output in task.Videos)
            {
                urls.Add(output.Url);
            }

            if (task.Status != VideoTaskStatus.Completed || urls.Count == 0)
            {
                AddProblem(key, "the video of task " + taskId + " could not be downloaded (" + firstFailure.Message + "), and the task now reads " + task.Status + " without a video.");
                return null;
            }

            await RecordAsync(VideoJobChange.Completed(key, urls, "Download failed; the task was read again for fresh URLs."), VideoJobState.Completed, CancellationToken.None).ConfigureAwait(false);
            return urls;
        }
        catch (LemonDataApiException exception)
        {
            AddProblem(key, "the video of task " + taskId + " could not be downloaded (" + firstFailure.Message + "), nor the task read again: " + exception.Message);
            return null;
        }
    }

    private async Task RecordAsync(VideoJobChange change, VideoJobState from, CancellationToken cancellationToken)
    {
        var recorded = await _ledger.RecordAsync(change, cancellationToken).ConfigureAwait(false);
        Report(recorded, from, change.Error);
    }

    private void Report(VideoJobRecord recorded, VideoJobState from, string? message = null)
    {
        var counts = _counts.Move(from, recorded.State);
        _progress?.Report(new VideoBatchProgress(recorded.Key, recorded.State, counts)
        {
            TaskId = recorded.TaskId,
            Message = message,
            TasksInFlight = _slots.InFlight,
            CreatesSent = Volatile.Read(ref _createsSent),
            Elapsed = _clock.Elapsed,
        });
    }

    private void AddProblem(string key, string problem)
    {
        _problems.Enqueue(key + ": " + problem);
        while (_problems.Count > MaxProblemsKept && _problems.TryDequeue(out _))
        {
        }
    }
}
