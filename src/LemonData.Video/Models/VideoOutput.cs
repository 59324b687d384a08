using System;
using System.Globalization;

namespace LemonData.Video;

/// <summary>
/// One video a task produced (<c>video_url</c>, <c>video</c> or an entry of <c>videos</c> on the wire). A task may
/// produce several: <see cref="VideoTask.Videos"/> lists them all, and
/// <see cref="LemonDataVideoClient.DownloadVideoAsync(VideoOutput, System.IO.Stream, System.Threading.CancellationToken)"/>
/// saves one.
/// </summary>
public sealed class VideoOutput
{
    /// <summary>Creates an output, for example to stand in for the service in a test.</summary>
    /// <param name="url">Where the video is: an absolute http(s) URL, or a path relative to the endpoint.</param>
    public VideoOutput(string url)
    {
        if (url is null)
        {
            throw new ArgumentNullException(nameof(url));
        }

        if (string.IsNullOrWhiteSpace(url))
        {
            throw new ArgumentException("The URL of a video output must not be empty.", nameof(url));
        }

        Url = url;
    }

    /// <summary>Where to download the video: a CDN address, fetched without the API key.</summary>
    public string Url { get; }

    /// <summary>The video's length in seconds, when the service reports it.</summary>
    public double? Duration { get; init; }

    /// <summary>The video's width in pixels, when the service reports it.</summary>
    public int? Width { get; init; }

    /// <summary>The video's height in pixels, when the service reports it.</summary>
    public int? Height { get; init; }

    /// <summary>
    /// The task that produced it. Set on every output of <see cref="VideoTask.Videos"/>; a download names it in its
    /// errors and traces, so an output made by hand needs it to be downloaded.
    /// </summary>
    public string? TaskId { get; init; }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = Url;
        if (Width is { } width && Height is { } height)
        {
            text += " (" + width.ToString(CultureInfo.InvariantCulture) + "x" + height.ToString(CultureInfo.InvariantCulture);
            text += Duration is { } seconds ? ", " + seconds.ToString("0.###", CultureInfo.InvariantCulture) + " s)" : ")";
        }
        else if (Duration is { } seconds)
        {
            text += " (" + seconds.ToString("0.###", CultureInfo.InvariantCulture) + " s)";
        }

        return text;
    }

    /// <summary>This output, with what <paramref name="other"/> (the same URL met again) knows and it does not.</summary>
    internal VideoOutput CompletedWith(VideoOutput other) =>
        (Duration is null && other.Duration is not null) || (Width is null && other.Width is not null) || (Height is null && other.Height is not null)
            ? new VideoOutput(Url)
            {
                Duration = Duration ?? other.Duration,
                Width = Width ?? other.Width,
                Height = Height ?? other.Height,
                TaskId = TaskId ?? other.TaskId,
            }
            : this;

    /// <summary>This output, naming <paramref name="taskId"/> as its task when it names none.</summary>
    internal VideoOutput OfTask(string taskId) =>
        TaskId is not null
            ? this
            : new VideoOutput(Url) { Duration = Duration, Width = Width, Height = Height, TaskId = taskId };
}
