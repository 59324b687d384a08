using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using LemonData.Video.Cli.Output;

namespace LemonData.Video.Cli.Commands;

/// <summary>
/// The part <c>generate</c>, <c>wait</c> and <c>download</c> share: wait for the task with a progress
/// view, then stream its videos into <c>--out</c> (<c>cat.mp4</c>, then <c>cat-2.mp4</c>, ... for a task that
/// made several), then print the summary.
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
        var (task, saved) = await view.RunAsync(async sink =>
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
                return (done, (IReadOnlyList<SavedVideo>?)null);
            }

            var outputs = done.Videos;
            if (outputs.Count == 0)
            {
                throw new LemonDataApiException("The service reported task '" + done.Id + "' completed but gave no video URL to download.", 200);
            }

            // Every output the task made, each into its own file by the same safe path (a hidden .part file, renamed when whole).
            var files = new List<SavedVideo>(outputs.Count);
            for (var index = 0; index < outputs.Count; index++)
            {
                var shownPath = SavedVideo.PathFor(run.OutPath ?? outFullPath, index);
                var output = index;
                sink.DownloadStarted(shownPath);
                var length = await OutputFile.WriteAsync(
                    SavedVideo.PathFor(outFullPath, index),
                    destination => output == 0
                        ? session.Client.DownloadVideoAsync(done, destination, cancellationToken)
                        : session.Client.DownloadVideoAsync(done, output, destination, cancellationToken),
                    cancellationToken).ConfigureAwait(false);
                sink.DownloadFinished(shownPath, length);
                files.Add(new SavedVideo(shownPath, length));
            }

            return (done, (IReadOnlyList<SavedVideo>?)files);
        }).ConfigureAwait(false);

        TaskSummary.Finished(run, task, saved);
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
