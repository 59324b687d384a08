using System;
using System.Globalization;

namespace LemonData.Video.Testing;

/// <summary>
/// <c>GET</c> and <c>HEAD /files/{id}.mp4</c>: the simulator's stand-in for the CDN a finished video is on. Like a CDN it
/// answers <c>Range: bytes=N-</c> with <c>206 Partial Content</c> (and honours <c>If-Range</c> against its <c>ETag</c>), so a
/// client can resume a download that was cut mid-body.
/// </summary>
internal sealed class VideoDownloadEndpoint
{
    public const string FilePrefix = "/files/";
    public const string VideoExtension = ".mp4";

    // The sample video never changes, so one validator names it for every task.
    private static readonly string ETag = "\"sample-" + SampleVideoFile.Bytes.Length.ToString(CultureInfo.InvariantCulture) + "\"";

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

    public SimResponse Handle(string taskId, bool headOnly, string? range = null, string? ifRange = null)
    {
        // As on the CDN: no key needed (the SDK must not send one there), and only finished videos exist.
        if (!_tasks.TryGet(taskId, out var task) || task.Observe(countAsRead: false).Stage != TaskStage.Completed)
        {
            return SimResponse.Json(404, WireJson.Error("The file does not exist.", "invalid_request_error", "not_found"));
        }

        var bytes = SampleVideoFile.Bytes;
        var whole = SimResponse.Video(bytes, headOnly).WithHeader("Accept-Ranges", "bytes").WithHeader("ETag", ETag);

        // RFC 9110: a Range whose If-Range does not match, or that the server does not understand, gets the whole file.
        if (range is null || (ifRange is not null && ifRange != ETag) || !TryParseOpenRange(range, out var start))
        {
            return whole;
        }

        if (start >= bytes.Length)
        {
            return SimResponse.RangeNotSatisfiable(bytes.Length);
        }

        var part = new byte[bytes.Length - start];
        Array.Copy(bytes, start, part, 0, part.Length);
        return SimResponse.PartialVideo(part, headOnly)
            .WithHeader("Accept-Ranges", "bytes")
            .WithHeader("ETag", ETag)
            .WithHeader("Content-Range", "bytes " + start.ToString(CultureInfo.InvariantCulture) + "-" + (bytes.Length - 1).ToString(CultureInfo.InvariantCulture) + "/" + bytes.Length.ToString(CultureInfo.InvariantCulture));
    }

    // Only "bytes=N-" (what a resuming client sends); any other form is answered with the whole file, as RFC 9110 allows.
    private static bool TryParseOpenRange(string range, out int start)
    {
        start = 0;
        const string Unit = "bytes=";
        var text = range.Trim();
        return text.StartsWith(Unit, StringComparison.OrdinalIgnoreCase)
            && text.EndsWith("-", StringComparison.Ordinal)
            && text.IndexOf(',') < 0
            && int.TryParse(text.Substring(Unit.Length, text.Length - Unit.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out start);
    }
}
