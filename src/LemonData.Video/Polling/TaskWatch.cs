using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace LemonData.Video;

/// <summary>
/// One wait on one task, read a poll at a time: the loop that <see cref="TaskPoller.WaitAsync"/> and
/// <see cref="TaskPoller.WatchAsync"/> share. Each <see cref="NextAsync"/> waits out the schedule, reads the task
/// (past 429s, within the wait timeout) and returns what it found; the caller decides what ends the wait. Owns the
/// wait's timeout, its trace and its logs, and turns a timeout or the caller's cancellation into the wait's
/// exceptions, which carry the task id.
/// </summary>
internal sealed class TaskWatch : IDisposable
{
    private readonly TaskReader _reader;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _waitTimeout;
    private readonly ILogger _logger;
    private readonly CancellationToken _cancellationToken;
    private readonly CancellationTokenSource _timeout;
    private readonly CancellationTokenSource _linked;
    private readonly TaskRoute _route;
    private readonly PollSchedule _schedule;
    private readonly Activity? _activity;
    private readonly long _started;
    private TimeSpan _nextDelay;
    private long _lastReadAt;
    private VideoTask? _lastSeen;
    private int _polls;
    private bool _unknownStatusLogged;

    public TaskWatch(
        TaskReader reader,
        TaskRoute route,
        PollSchedule schedule,
        TimeProvider timeProvider,
        TimeSpan waitTimeout,
        TimeSpan firstDelay,
        string activityName,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        _reader = reader;
        _route = route;
        _schedule = schedule;
        _timeProvider = timeProvider;
        _waitTimeout = waitTimeout;
        _logger = logger;
        _cancellationToken = cancellationToken;
        _timeout = timeProvider.CreateTimeoutSource(waitTimeout);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _timeout.Token);
        _started = timeProvider.GetTimestamp();
        _lastReadAt = _started;
        _nextDelay = firstDelay;
        _activity = VideoActivities.Start(activityName, route.TaskId);
        if (firstDelay > TimeSpan.Zero)
        {
            Log.FirstPollDelayed(logger, route.TaskId, firstDelay);
        }
    }

    public string TaskId => _route.TaskId;

    /// <summary>Waits until the next poll is due, then reads the task once.</summary>
    /// <exception cref="TimeoutException">The wait timeout passed (the task id is in it).</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled (the task id is in it).</exception>
    public async Task<VideoTask> NextAsync()
    {
        // Each read is a child of this wait's trace, even when a caller's await foreach resumes it from elsewhere.
        if (_activity is not null)
        {
            Activity.Current = _activity;
        }

        try
        {
            // Counted from the last read, so that a consumer slow to ask for the next state does not slow the schedule.
            var due = _nextDelay - _timeProvider.GetElapsedTime(_lastReadAt);
            await _timeProvider.Delay(due > TimeSpan.Zero ? due : TimeSpan.Zero, _linked.Token).ConfigureAwait(false);
            ApiResponse<VideoTask> answer;
            while (true)
            {
                try
                {
                    answer = await _reader.ReadAsync(_route, _linked.Token).ConfigureAwait(false);
                    break;
                }
                catch (LemonDataApiException exception) when (exception.StatusCode == 429 && exception.RetryAfter is { } wait)
                {
                    // The service asked for a longer pause than a retry may take: a wait has the time, up to
                    // its own timeout, and the task runs on meanwhile.
                    await _timeProvider.Delay(wait, _linked.Token).ConfigureAwait(false);
                }
            }

            var task = answer.Value;
            _lastSeen = task;
            _polls++;
            _lastReadAt = _timeProvider.GetTimestamp();
            _activity?.SetTag(VideoActivities.PollsTag, _polls);
            if (!task.Status.IsKnown && !_unknownStatusLogged && task.Status.ToString().Length > 0)
            {
                // A status of a newer service (or another gateway): it ends nothing, and WaitTimeout bounds the wait.
                _unknownStatusLogged = true;
                Log.UnknownTaskStatus(_logger, TaskId, task.Status.ToString());
            }

            if (!task.IsTerminal)
            {
                _nextDelay = _schedule.Next(_timeProvider.GetElapsedTime(_started), answer.RetryAfter);
                Log.TaskPolled(_logger, TaskId, task.Status.ToString(), task.Progress ?? 0, _nextDelay);
            }

            return task;
        }
        catch (OperationCanceledException) when (_timeout.IsCancellationRequested && !_cancellationToken.IsCancellationRequested)
        {
            Log.WaitStopped(_logger, TaskId, _timeProvider.GetElapsedTime(_started), "the wait timeout passed");
            var timedOut = WaitExceptions.TimedOut(TaskId, _waitTimeout, _lastSeen);
            _activity.Failed(timedOut);
            throw timedOut;
        }
        catch (OperationCanceledException exception) when (_cancellationToken.IsCancellationRequested)
        {
            Log.WaitStopped(_logger, TaskId, _timeProvider.GetElapsedTime(_started), "the caller cancelled");
            var canceled = WaitExceptions.Canceled(TaskId, exception, _cancellationToken);
            _activity.Failed(canceled);
            throw canceled;
        }
        catch (Exception exception) when (_activity.Failed(exception))
        {
            throw;
        }
    }

    /// <summary>Records that the task ended (call once, with the terminal state, before handing it on).</summary>
    public void Ended(VideoTask task)
    {
        _activity.Describe(task);
        if (task.Status == VideoTaskStatus.Completed)
        {
            Log.TaskCompleted(_logger, TaskId, _timeProvider.GetElapsedTime(_started), _polls);
        }
        else
        {
            Log.TaskFailed(_logger, TaskId, task.Error ?? task.ErrorCode ?? (task.IsCancelled ? "cancelled" : "no reason given"));
        }
    }

    /// <summary>Marks the wait failed with <paramref name="exception"/> (a failed task thrown by a wait).</summary>
    public void Failed(Exception exception) => _activity.Failed(exception);

    /// <summary>Marks the wait's trace failed because the task failed, for a watch, which hands the task on instead of throwing.</summary>
    public void TaskFailed(VideoTask task) =>
        _activity?.SetStatus(ActivityStatusCode.Error, "The task ended " + task.Status + (task.Error is null ? string.Empty : ": " + task.Error));

    public void Dispose()
    {
        _activity?.Dispose();
        _linked.Dispose();
        _timeout.Dispose();
    }
}
