using System;
using LemonData.Video.Batch;

namespace LemonData.Video.Cli.Batch;

/// <summary>What <c>batch run</c> was given on its command line.</summary>
internal sealed record BatchRunArguments(
    string JobsFile,
    string OutDir,
    string? Ledger,
    string? LedgerConnection,
    double? LeaseSeconds,
    string? LedgerSchema,
    int Concurrency,
    int? MaxJobs,
    bool ResubmitUnknown,
    bool RetryRefused,
    bool SkipInvalid,
    TimeSpan? PollInterval)
{
    /// <summary><c>--lease</c>, checked: between 1 second and a day.</summary>
    /// <exception cref="InvalidInputException">Out of range.</exception>
    public TimeSpan? LeaseDuration() => LeaseSeconds switch
    {
        null => null,
        >= 1 and <= 86_400 => TimeSpan.FromSeconds(LeaseSeconds.Value),
        _ => throw new InvalidInputException("--lease must be between 1 and 86400 seconds; it is " + LeaseSeconds.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + "."),
    };

    /// <exception cref="InvalidInputException">A number is out of range.</exception>
    public VideoBatchOptions ToOptions()
    {
        if (Concurrency < 1)
        {
            throw new InvalidInputException("--concurrency must be 1 or more; it is " + Concurrency + ".");
        }

        if (MaxJobs is < 0)
        {
            throw new InvalidInputException("--max-jobs must not be negative; it is " + MaxJobs + ".");
        }

        var lease = LeaseDuration();
        return new VideoBatchOptions
        {
            // A worker with nothing to take looks again often enough to take a dead worker's tasks over soon after its lease ends.
            IdlePollInterval = lease is { } held && held < TimeSpan.FromSeconds(3) ? held / 3 : TimeSpan.FromSeconds(1),
            MaxConcurrentTasks = Concurrency,
            MaxJobs = MaxJobs,
            ResubmitUnknown = ResubmitUnknown,
            RetryRefused = RetryRefused,
        };
    }
}
