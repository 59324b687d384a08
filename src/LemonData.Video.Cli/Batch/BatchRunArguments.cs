using System;
using LemonData.Video.Batch;

namespace LemonData.Video.Cli.Batch;

/// <summary>What <c>batch run</c> was given on its command line.</summary>
internal sealed record BatchRunArguments(
    string JobsFile,
    string OutDir,
    string? Ledger,
    int Concurrency,
    int? MaxJobs,
    bool ResubmitUnknown,
    bool RetryRefused,
    bool SkipInvalid,
    TimeSpan? PollInterval)
{
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

        return new VideoBatchOptions
        {
            MaxConcurrentTasks = Concurrency,
            MaxJobs = MaxJobs,
            ResubmitUnknown = ResubmitUnknown,
            RetryRefused = RetryRefused,
        };
    }
}
