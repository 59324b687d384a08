using System;
using System.IO;
using System.Threading.Tasks;
using LemonData.Video;

namespace LemonData.Video.Tests.Samples;

/// <summary>The README's watch sample, compiled. <see cref="ReadmeTests"/> keeps the two identical.</summary>
public static class WatchAndSaveEverySample
{
    public static async Task RunAsync(LemonDataVideoClient client, VideoTask task, string folder)
    {
        // region: watch
        // Each change of the task, once, until it ends; the last item is the terminal state.
        VideoTask last = task;
        await foreach (VideoTask state in client.WatchVideoTaskAsync(task))
        {
            Console.WriteLine($"{state.Status} {state.Progress}%");
            last = state;
        }

        // A failed task is the last item, not an exception.
        if (last.Status != VideoTaskStatus.Completed)
        {
            throw new VideoGenerationFailedException(last);
        }

        // Every video the task made: most tasks make one, some make several.
        for (var i = 0; i < last.Videos.Count; i++)
        {
            await using var file = File.Create(Path.Combine(folder, $"video-{i + 1}.mp4"));
            await client.DownloadVideoAsync(last, i, file);
        }

        Console.WriteLine($"Billed as {last.BillingTransactionId}");
        // endregion
    }
}
