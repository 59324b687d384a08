using System;

namespace LemonData.Video.Testing;

/// <summary><c>GET</c> and <c>HEAD /files/{id}.mp4</c>: the simulator's stand-in for the CDN a finished video is on.</summary>
internal sealed class VideoDownloadEndpoint
{
    public const string FilePrefix = "/files/";
    public const string VideoExtension = ".mp4";

    private readonly TaskStore _tasks;

    public VideoDownloadEndpoint(TaskStore tasks) => _tasks = tasks;

    /// <summary>The URL a completed task gives as its <c>video_url</c>.</summary>
    public static string Url(string origin, string taskId) => origin + FilePrefix + Uri.EscapeDataString(taskId) + VideoExtension;

    /// <summary>
    /// The URL of a task's output number <paramref name="output"/> (2 and up; see <see cref="LemonDataSimulatorOptions.OutputsPerTask"/>):
    /// the same file under its own address, as each output of a real task has its own.
    /// </summary>
    public static string Url(string origin, string taskId, int output) =>
        Url(origin, taskId) + "?output=" + output.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public SimResponse Handle(string taskId, bool headOnly)
    {
        // As on the CDN: no key needed (the SDK must not send one there), and only finished videos exist.
        if (!_tasks.TryGet(taskId, out var task) || task.Observe(countAsRead: false).Stage != TaskStage.Completed)
        {
            return SimResponse.Json(404, WireJson.Error("The file does not exist.", "invalid_request_error", "not_found"));
        }

        return SimResponse.Video(SampleVideoFile.Bytes, headOnly);
    }
}
