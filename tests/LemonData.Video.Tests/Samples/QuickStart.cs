using System;
using System.IO;
using System.Threading.Tasks;
using LemonData.Video;

namespace LemonData.Video.Tests.Samples;

/// <summary>The README's quick start, compiled. <see cref="ReadmeTests"/> keeps the two identical.</summary>
public static class QuickStart
{
    public static async Task RunAsync(LemonDataVideoClientOptions options, string outputPath)
    {
        // region: quick-start
        var client = new LemonDataVideoClient(Environment.GetEnvironmentVariable("LEMONDATA_API_KEY")!, options);

        var request = new VideoGenerationRequest
        {
            Model = VideoModels.Sora2,
            Prompt = "A cat walking through a garden, cinematic lighting",
            Duration = 5,
        };

        // Submit once; the id is all it takes to find the paid job again.
        VideoTask task = await client.CreateVideoAsync(request);
        Console.WriteLine($"Task {task.Id} is {task.Status}");

        // Poll until it is done, with progress: the first poll comes one PollInterval after the create.
        var progress = new Progress<VideoTask>(t => Console.WriteLine($"{t.Status} {t.Progress}%"));
        VideoTask done = await client.WaitForCompletionAsync(task, progress);

        // Stream the video to a file.
        await using var file = File.Create(outputPath);
        await client.DownloadVideoAsync(done, file);
        // endregion
    }
}
