using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using LemonData.Video.Testing;

namespace LemonData.Video.Batch.Tests.Support;

/// <summary>Jobs whose prompts are unique, so that the simulator's record of creates tells which job each create was for.</summary>
internal static class TestJobs
{
    public static VideoJob One(string folder, int number, string? key = null) =>
        new(key ?? Key(number), new VideoGenerationRequest { Model = VideoModels.Sora2, Prompt = Prompt(number) }, Path.Combine(folder, "videos", Key(number) + ".mp4"));

    public static List<VideoJob> Many(string folder, int count, int first = 1) =>
        Enumerable.Range(first, count).Select(number => One(folder, number)).ToList();

    public static string Key(int number) => "job-" + number.ToString("D4", CultureInfo.InvariantCulture);

    public static string Prompt(int number) => "Video number " + number.ToString(CultureInfo.InvariantCulture) + ": a cat in a garden";

    /// <summary>The prompt a create the simulator received asked for.</summary>
    public static string PromptOf(SimulatorRequest create)
    {
        using var body = JsonDocument.Parse(create.Body);
        return body.RootElement.GetProperty("prompt").GetString()!;
    }
}
