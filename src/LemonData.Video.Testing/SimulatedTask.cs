using System;
using System.Diagnostics;

namespace LemonData.Video.Testing;

/// <summary>
/// One task of the simulator and its lifecycle. Its stage is a level from 0 to 100: 0 is <c>pending</c>,
/// 10-90 is <c>processing</c> with that <c>progress</c>, 100 is the end (<c>completed</c>, or <c>failed</c> when
/// scripted). Reads and elapsed time each allow a level; the task is at the lower of the two, so it only moves forward.
/// </summary>
internal sealed class SimulatedTask
{
    private const double PendingShareOfTime = 0.1;

    private readonly object _gate = new();
    private readonly long _startTimestamp;
    private readonly TimeSpan _processingTime;
    private readonly int _pollsPerStage;
    private int _reads;
    private bool _cancelled;
    private long _updated;
    private long? _completed;
    private int _lastLevel;

    public SimulatedTask(string id, string model, string ownerKey, TaskFailure? failure, TimeSpan processingTime, int pollsPerStage)
    {
        Id = id;
        Model = model;
        OwnerKey = ownerKey;
        Failure = failure;
        _processingTime = processingTime;
        _pollsPerStage = pollsPerStage;
        _startTimestamp = Stopwatch.GetTimestamp();
        Created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        _updated = Created;
    }

    public string Id { get; }

    public string Model { get; }

    /// <summary>The API key that created the task: only it may read or cancel the task.</summary>
    public string OwnerKey { get; }

    public TaskFailure? Failure { get; }

    /// <summary>Unix seconds.</summary>
    public long Created { get; }

    /// <summary>The task's state for a read; <paramref name="countAsRead"/> moves the read-driven lifecycle on.</summary>
    public TaskSnapshot Observe(bool countAsRead)
    {
        lock (_gate)
        {
            var snapshot = SnapshotLocked();
            if (countAsRead)
            {
                _reads++;
            }

            return snapshot;
        }
    }

    /// <summary>Cancels the task when it is still queued (<c>pending</c>).</summary>
    public CancelOutcome TryCancel()
    {
        lock (_gate)
        {
            if (_cancelled)
            {
                return CancelOutcome.AlreadyCancelled;
            }

            if (CurrentLevelLocked() != 0)
            {
                return CancelOutcome.NotCancellable;
            }

            _cancelled = true;
            _updated = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            return CancelOutcome.Cancelled;
        }
    }

    private TaskSnapshot SnapshotLocked()
    {
        if (_cancelled)
        {
            return new TaskSnapshot(TaskStage.Cancelled, 0, Created, _updated, completed: null);
        }

        var level = CurrentLevelLocked();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        if (level != _lastLevel)
        {
            _lastLevel = level;
            _updated = now;
        }

        if (level >= 100)
        {
            _completed ??= now;
            return new TaskSnapshot(Failure is null ? TaskStage.Completed : TaskStage.Failed, 100, Created, _updated, _completed);
        }

        return level == 0
            ? new TaskSnapshot(TaskStage.Pending, 0, Created, _updated, completed: null)
            : new TaskSnapshot(TaskStage.Processing, level, Created, _updated, completed: null);
    }

    private int CurrentLevelLocked()
    {
        // Once at the end, always at the end (the clock and the reads only move forward anyway).
        if (_lastLevel >= 100)
        {
            return 100;
        }

        var level = Math.Min(LevelByReads(_reads, _pollsPerStage), LevelByTime(Stopwatch.GetElapsedTime(_startTimestamp), _processingTime));
        return Math.Max(level, _lastLevel);
    }

    private static int LevelByReads(int readsBefore, int pollsPerStage)
    {
        if (pollsPerStage <= 0 || readsBefore >= 2 * pollsPerStage)
        {
            return 100;
        }

        if (readsBefore < pollsPerStage)
        {
            return 0;
        }

        var step = readsBefore - pollsPerStage;
        return pollsPerStage == 1 ? 50 : 10 + (80 * step / (pollsPerStage - 1));
    }

    private static int LevelByTime(TimeSpan elapsed, TimeSpan processingTime)
    {
        if (processingTime <= TimeSpan.Zero)
        {
            return 100;
        }

        var fraction = elapsed.TotalMilliseconds / processingTime.TotalMilliseconds;
        if (fraction >= 1)
        {
            return 100;
        }

        if (fraction < PendingShareOfTime)
        {
            return 0;
        }

        return 10 + (int)(80 * (fraction - PendingShareOfTime) / (1 - PendingShareOfTime));
    }
}

internal enum TaskStage
{
    Pending,
    Processing,
    Completed,
    Failed,
    Cancelled,
}

internal enum CancelOutcome
{
    Cancelled,
    AlreadyCancelled,
    NotCancellable,
}

/// <summary>A task's state at one read.</summary>
internal readonly struct TaskSnapshot
{
    public TaskSnapshot(TaskStage stage, int progress, long created, long updated, long? completed)
    {
        Stage = stage;
        Progress = progress;
        Created = created;
        Updated = updated;
        Completed = completed;
    }

    public TaskStage Stage { get; }

    public int Progress { get; }

    public long Created { get; }

    public long Updated { get; }

    public long? Completed { get; }
}
