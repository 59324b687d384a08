using System;

namespace LemonData.Video;

/// <summary>
/// A video generation task as the service last reported it. The <see cref="Id"/> is all that is
/// needed to find the task again (<see cref="LemonDataVideoClient.WaitForCompletionAsync(string, IProgress{VideoTask}?, System.Threading.CancellationToken)"/>):
/// store it before waiting, and a crash never costs a paid video.
/// </summary>
public sealed class VideoTask
{
    /// <summary>Creates a task, for example to stand in for the service in a test.</summary>
    /// <param name="id">The task id.</param>
    /// <param name="status">Its status.</param>
    public VideoTask(string id, VideoTaskStatus status)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Status = status;
    }

    /// <summary>The task id (<c>id</c> or <c>task_id</c> on the wire: both name the same task).</summary>
    public string Id { get; }

    /// <summary>The task's state.</summary>
    public VideoTaskStatus Status { get; }

    /// <summary>The model that makes the video.</summary>
    public string? Model { get; init; }

    /// <summary>Percent done, 0-100, when the service reports it.</summary>
    public double? Progress { get; init; }

    /// <summary>
    /// Where to download the video once the task is completed (<c>video_url</c>, <c>video.url</c> or
    /// <c>videos[0].url</c>). A CDN address: <see cref="LemonDataVideoClient.DownloadVideoAsync"/> fetches it without the API key.
    /// </summary>
    public string? VideoUrl { get; init; }

    /// <summary>Why the task failed (the message, when the service sent an error object), or <see langword="null"/>.</summary>
    public string? Error { get; init; }

    /// <summary>The error's code, when the service sent an error object with one.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>Whether the task was cancelled (it then reads <see cref="VideoTaskStatus.Failed"/>).</summary>
    public bool IsCancelled { get; init; }

    /// <summary>When the task was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the task last changed.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>When the task completed.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>The path the service asked clients to poll (relative to the endpoint), if it gave one.</summary>
    public string? PollUrl { get; init; }

    /// <summary>Length of the produced video in seconds, when reported.</summary>
    public double? VideoDurationSeconds { get; init; }

    /// <summary>Whether the task has ended: <see cref="VideoTaskStatus.Completed"/> or <see cref="VideoTaskStatus.Failed"/>.</summary>
    public bool IsTerminal => Status.IsTerminal;

    /// <inheritdoc />
    public override string ToString()
    {
        var text = "Task " + Id + ": " + Status;
        if (Progress is { } progress && !Status.IsTerminal)
        {
            text += " " + progress.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%";
        }

        if (Error is not null)
        {
            text += " (" + Error + ")";
        }

        return text;
    }
}
