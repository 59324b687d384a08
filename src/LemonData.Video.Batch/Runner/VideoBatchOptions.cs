using System;

namespace LemonData.Video.Batch;

/// <summary>How a <see cref="VideoBatchRunner"/> runs a batch.</summary>
public sealed class VideoBatchOptions
{
    private int _maxConcurrentTasks = 4;
    private int? _maxJobs;
    private TimeSpan _createGracePeriod = TimeSpan.FromSeconds(30);
    private TimeSpan _idlePollInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// At most this many tasks in flight on the service at once (default 4): a job holds its place from its create to the
    /// download of its video (putting the file on the disk and recording it follow beside, while the place goes to the next
    /// job). Each is polled on the client's own schedule, so many tasks cost no more requests per task than one.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxConcurrentTasks
    {
        get => _maxConcurrentTasks;
        set => _maxConcurrentTasks = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxConcurrentTasks), value, "MaxConcurrentTasks must be 1 or more.");
    }

    /// <summary>
    /// At most this many creates in this run (default <see langword="null"/>: every planned job). Jobs already created are
    /// followed whatever this says; the run ends not finished when planned jobs are left.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int? MaxJobs
    {
        get => _maxJobs;
        set => _maxJobs = value is null or >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxJobs), value, "MaxJobs must not be negative.");
    }

    /// <summary>
    /// Send again the jobs whose create's outcome is unknown (default <see langword="false"/>). Each may then be paid for
    /// twice: give it only after checking the account's tasks.
    /// </summary>
    public bool ResubmitUnknown { get; set; }

    /// <summary>Send again the jobs the service refused (default <see langword="false"/>): for after fixing what it refused them for.</summary>
    public bool RetryRefused { get; set; }

    /// <summary>
    /// When the run is cancelled, how long a create already on its way may still take to be answered (default 30 s), so
    /// that its task id is recorded rather than lost. Past it the create is abandoned and its job becomes
    /// <see cref="VideoJobState.OutcomeUnknown"/>. <see cref="TimeSpan.Zero"/> abandons at once.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan CreateGracePeriod
    {
        get => _createGracePeriod;
        set => _createGracePeriod = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(CreateGracePeriod), value, "CreateGracePeriod must not be negative.");
    }

    /// <summary>
    /// On a ledger shared by several workers: how often a worker with nothing to take looks again (default 1 s), while
    /// other live workers hold unfinished jobs, for the jobs of a worker that died (taken over once its lease expires).
    /// <see cref="MaxConcurrentTasks"/> holds per worker, so a farm of N workers has at most N times that many in flight.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public TimeSpan IdlePollInterval
    {
        get => _idlePollInterval;
        set => _idlePollInterval = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(IdlePollInterval), value, "IdlePollInterval must be positive.");
    }
}
