using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace LemonData.Video;

/// <summary>
/// Waits for a task to end: polls it on a <see cref="PollSchedule"/>, reports every state it sees,
/// and stops at the wait timeout or when the caller cancels. Stopping never cancels the job: it
/// keeps running (and is billed) on the service, and its id is in every exception so it can be resumed.
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
        using var timeout = _timeProvider.CreateTimeoutSource(_waitTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var started = _timeProvider.GetTimestamp();
        var route = _reader.RouteFor(_endpoint, taskId, pollUri);
        var schedule = new PollSchedule(_pollInterval, _maxPollInterval);
        VideoTask? lastSeen = null;
        var polls = 0;
        using var activity = VideoActivities.Start(VideoActivities.WaitForCompletion, taskId);
        try
        {
            if (firstDelay > TimeSpan.Zero)
            {
                Log.FirstPollDelayed(_logger, taskId, firstDelay);
            }

            await _timeProvider.Delay(firstDelay, linked.Token).ConfigureAwait(false);
            while (true)
            {
                ApiResponse<VideoTask> answer;
                try
                {
                    answer = await _reader.ReadAsync(route, linked.Token).ConfigureAwait(false);
                }
                catch (LemonDataApiException exception) when (exception.StatusCode == 429 && exception.RetryAfter is { } wait)
                {
                    // The service asked for a longer pause than a retry may take: a wait has the time, up to
                    // its own timeout, and the task runs on meanwhile.
                    await _timeProvider.Delay(wait, linked.Token).ConfigureAwait(false);
                    continue;
                }

                var task = answer.Value;
                lastSeen = task;
                polls++;
                activity?.SetTag(VideoActivities.PollsTag, polls);
                progress?.Report(task);

                if (task.Status == VideoTaskStatus.Completed)
                {
                    activity.Describe(task);
                    Log.TaskCompleted(_logger, taskId, _timeProvider.GetElapsedTime(started), polls);
                    return task;
                }

                if (task.Status == VideoTaskStatus.Failed)
                {
                    activity.Describe(task);
                    Log.TaskFailed(_logger, taskId, task.Error ?? task.ErrorCode ?? "no reason given");
                    throw new VideoGenerationFailedException(task);
                }

                var delay = schedule.Next(_timeProvider.GetElapsedTime(started), answer.RetryAfter);
                Log.TaskPolled(_logger, taskId, task.Status.ToString(), task.Progress ?? 0, delay);
                await _timeProvider.Delay(delay, linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Log.WaitStopped(_logger, taskId, _timeProvider.GetElapsedTime(started), "the wait timeout passed");
            var timedOut = WaitExceptions.TimedOut(taskId, _waitTimeout, lastSeen);
            activity.Failed(timedOut);
            throw timedOut;
        }
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested)
        {
            Log.WaitStopped(_logger, taskId, _timeProvider.GetElapsedTime(started), "the caller cancelled");
            var canceled = WaitExceptions.Canceled(taskId, exception, cancellationToken);
            activity.Failed(canceled);
            throw canceled;
        }
        catch (Exception exception) when (activity.Failed(exception))
        {
            throw;
        }
    }
}
