using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace LemonData.Video;

/// <summary>
/// Waits for a task to end: polls it on a <see cref="PollSchedule"/>, reports every state it sees (a wait) or each
/// change (a watch), and stops at the wait timeout or when the caller cancels. Both run the one loop of
/// <see cref="TaskWatch"/>. Stopping never cancels the job: it keeps running (and is billed) on the service, and its
/// id is in every exception so it can be resumed.
/// </summary>
internal sealed class TaskPoller
{
    private readonly TaskReader _reader;
    private readonly ApiEndpoint _endpoint;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _pollInterval;
    private readonly TimeSpan _maxPollInterval;
    private readonly TimeSpan _waitTimeout;
    private readonly ILogger _logger;

    public TaskPoller(TaskReader reader, ApiEndpoint endpoint, TimeProvider timeProvider, TimeSpan pollInterval, TimeSpan maxPollInterval, TimeSpan waitTimeout, ILogger logger)
    {
        _logger = logger;
        _reader = reader;
        _endpoint = endpoint;
        _timeProvider = timeProvider;
        _pollInterval = pollInterval;
        _maxPollInterval = maxPollInterval;
        _waitTimeout = waitTimeout;
    }

    /// <summary>The configured first delay between polls.</summary>
    public TimeSpan PollInterval => _pollInterval;

    /// <summary>
    /// How long to wait before the first poll of a task this client created: one poll interval, or the create
    /// answer's <c>Retry-After</c> when longer, counted from when that answer came (so a caller who waited
    /// meanwhile does not wait twice). Polling sooner would only find the task as the create left it.
    /// </summary>
    public TimeSpan FirstPollDelay(in CreatedTask created)
    {
        var advised = created.RetryAfter is { } retryAfter && retryAfter > _pollInterval ? retryAfter : _pollInterval;
        var remaining = advised - _timeProvider.GetElapsedTime(created.AnsweredAt);
        return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
    }

    /// <param name="taskId">The task to wait for.</param>
    /// <param name="pollUri">The service's <c>poll_url</c> for it, resolved, if known and usable.</param>
    /// <param name="firstDelay">How long to wait before the first poll (zero for a task not just created: a resumed wait polls at once).</param>
    /// <param name="progress">Receives every state seen.</param>
    /// <param name="cancellationToken">Stops waiting (not the job).</param>
    public async Task<VideoTask> WaitAsync(string taskId, Uri? pollUri, TimeSpan firstDelay, IProgress<VideoTask>? progress, CancellationToken cancellationToken)
    {
        using var watch = Start(taskId, pollUri, firstDelay, VideoActivities.WaitForCompletion, cancellationToken);
        while (true)
        {
            var task = await watch.NextAsync().ConfigureAwait(false);
            progress?.Report(task);
            if (!task.IsTerminal)
            {
                continue;
            }

            watch.Ended(task);
            if (task.Status == VideoTaskStatus.Completed)
            {
                return task;
            }

            var failed = new VideoGenerationFailedException(task);
            watch.Failed(failed);
            throw failed;
        }
    }

    /// <summary>
    /// Polls a task as <see cref="WaitAsync"/> does and yields each change of it (status or progress), the terminal
    /// state last, failed or not.
    /// </summary>
    /// <param name="taskId">The task to watch.</param>
    /// <param name="pollUri">The service's <c>poll_url</c> for it, resolved, if known and usable.</param>
    /// <param name="firstDelay">How long to wait before the first poll.</param>
    /// <param name="known">The state the caller already has, yielded first and compared with the first poll; null to start with the first poll.</param>
    /// <param name="cancellationToken">Stops watching (not the job).</param>
    public async IAsyncEnumerable<VideoTask> WatchAsync(string taskId, Uri? pollUri, TimeSpan firstDelay, VideoTask? known, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (known is { IsTerminal: true })
        {
            // Already ended: nothing to poll.
            yield return known;
            yield break;
        }

        // Started first: the first poll's delay and the wait timeout count from the start of the enumeration, not from
        // when the consumer comes back for the item after the known state.
        using var watch = Start(taskId, pollUri, firstDelay, VideoActivities.WatchVideoTask, cancellationToken);
        var last = known;
        if (known is not null)
        {
            yield return known;
        }

        while (true)
        {
            var task = await watch.NextAsync().ConfigureAwait(false);
            if (task.IsTerminal)
            {
                // Recorded before it is handed on: a consumer may stop at the terminal state and never come back.
                watch.Ended(task);
                if (task.Status != VideoTaskStatus.Completed)
                {
                    watch.TaskFailed(task);
                }

                yield return task;
                yield break;
            }

            if (last is null || IsChange(last, task))
            {
                last = task;
                yield return task;
            }
        }
    }

    /// <summary>Whether a poll shows something new: another status (as the service spells it) or another progress.</summary>
    internal static bool IsChange(VideoTask before, VideoTask after) =>
        !string.Equals(before.Status.ToString(), after.Status.ToString(), StringComparison.Ordinal)
        || !Nullable.Equals(before.Progress, after.Progress);

    private TaskWatch Start(string taskId, Uri? pollUri, TimeSpan firstDelay, string activityName, CancellationToken cancellationToken) =>
        new(
            _reader,
            _reader.RouteFor(_endpoint, taskId, pollUri),
            new PollSchedule(_pollInterval, _maxPollInterval),
            _timeProvider,
            _waitTimeout,
            firstDelay,
            activityName,
            _logger,
            cancellationToken);
}
