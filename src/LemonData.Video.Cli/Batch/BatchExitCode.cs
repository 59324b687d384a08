using LemonData.Video.Batch;

namespace LemonData.Video.Cli.Batch;

/// <summary>The exit code of <c>batch run</c>, from how the run left the batch (the contract's table).</summary>
internal static class BatchExitCode
{
    public static int From(VideoBatchSummary summary)
    {
        // The service stopped the run before the batch could move: the jobs wait, but the cause is the service or the network.
        if (summary.StopReason is VideoBatchStopReason.Unauthorized or VideoBatchStopReason.ServiceUnreachable)
        {
            return ExitCodes.ServiceError;
        }

        // Jobs left (OutcomeUnknown, --max-jobs, a 402, a wait or download that did not end): run again, or see to them.
        if (!summary.IsFinished)
        {
            return ExitCodes.NotFinished;
        }

        return summary.Count(VideoJobState.Failed) + summary.Count(VideoJobState.Refused) > 0 ? ExitCodes.TaskFailed : ExitCodes.Success;
    }
}
