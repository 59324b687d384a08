using System;
using System.Threading;
using System.Threading.Tasks;
using LemonData.Video.Cli.Output;

namespace LemonData.Video.Cli.Commands;

/// <summary>
/// The part <c>generate</c>, <c>wait</c> and <c>download</c> share: wait for the task with a progress
/// view, then stream its video into <c>--out</c>, then print the summary.
/// </summary>
internal static class VideoJob
{
    public static async Task<int> WaitAndSaveAsync(
        CommandRun run,
        ClientSession session,
        Func<IProgress<VideoTask>, Task<VideoTask>> waitAsync,
        string? outFullPath,
        CancellationToken cancellationToken)
    {
        var view = run.CreateProgressView();
        var (task, bytes) = await view.RunAsync(async sink =>
        {
            var progress = new TrackingProgress(run, sink);
            VideoTask done;
            try
            {
                done = await waitAsync(progress).ConfigureAwait(false);
            }
            catch (VideoGenerationFailedException failed)
            {
                // Show the final state before the error explains it.
                progress.Report(failed.Task);
                throw;
            }

            progress.Report(done);
            if (outFullPath is null)
            {
                return (done, (long?)null);
            }

            if (string.IsNullOrWhiteSpace(done.VideoUrl))
            {
                throw new LemonDataApiException("The service reported task '" + done.Id + "' completed but gave no video URL to download.", 200);
            }

            sink.DownloadStarted(run.OutPath ?? outFullPath);
            var length = await OutputFile.WriteAsync(
                outFullPath,
                destination => session.Client.DownloadVideoAsync(done, destination, cancellationToken),
                cancellationToken).ConfigureAwait(false);
            sink.DownloadFinished(run.OutPath ?? outFullPath, length);
            return (done, (long?)length);
        }).ConfigureAwait(false);

        TaskSummary.Finished(run, task, run.OutPath, bytes);
        return ExitCodes.Success;
    }

    /// <summary>Records each state in the run (for messages after a failure) before the view shows it.</summary>
    private sealed class TrackingProgress : IProgress<VideoTask>
    {
        private readonly CommandRun _run;
        private readonly IProgress<VideoTask> _view;

        public TrackingProgress(CommandRun run, IProgress<VideoTask> view)
        {
            _run = run;
            _view = view;
        }

        public void Report(VideoTask value)
        {
            _run.Saw(value);
            _view.Report(value);
        }
    }
}
