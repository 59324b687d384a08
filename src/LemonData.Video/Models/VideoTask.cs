using System;
using System.Collections.Generic;

namespace LemonData.Video;

/// <summary>
/// A video generation task as the service last reported it. The <see cref="Id"/> is all that is
/// needed to find the task again (<see cref="LemonDataVideoClient.WaitForCompletionAsync(string, IProgress{VideoTask}?, System.Threading.CancellationToken)"/>):
/// store it before waiting, and a crash never costs a paid video.
/// </summary>
public sealed class VideoTask
{
    private readonly string? _videoUrl;
    private readonly IReadOnlyList<VideoOutput>? _declaredVideos;
    private readonly bool _isCancelled;

    // Built on first read from what was set (VideoUrl and Videos may be set in either order); immutable after.
    private IReadOnlyList<VideoOutput>? _videos;

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
    /// Where to download the video once the task is completed: the URL of the first of <see cref="Videos"/>
    /// (<c>video_url</c>, else <c>video.url</c>, else <c>videos[0].url</c>). A CDN address:
    /// <see cref="LemonDataVideoClient.DownloadVideoAsync(VideoTask, System.IO.Stream, System.Threading.CancellationToken)"/>
    /// fetches it without the API key.
    /// </summary>
    public string? VideoUrl
    {
        get => _videoUrl ?? (Videos.Count > 0 ? Videos[0].Url : null);
        init => _videoUrl = value;
    }

    /// <summary>
    /// Every video the task produced, in the service's order: <c>video_url</c>, then <c>video</c>, then each entry of
    /// <c>videos</c>, once each (an output met twice under the same URL is one output, with what each mention says of
    /// it). Empty until the task completes. The first one's URL is <see cref="VideoUrl"/>; download any one with
    /// <see cref="LemonDataVideoClient.DownloadVideoAsync(VideoTask, int, System.IO.Stream, System.Threading.CancellationToken)"/>.
    /// </summary>
    /// <remarks>When set by hand, <see cref="VideoUrl"/> (if set) comes first, and each output names this task (<see cref="VideoOutput.TaskId"/>).</remarks>
    public IReadOnlyList<VideoOutput> Videos
    {
        get => _videos ??= VideoOutputList.Merge(Id, _videoUrl, _declaredVideos);
        init => _declaredVideos = value;
    }

    /// <summary>The service's billing record of the task (<c>billing_transaction_id</c>), when it reports one: quote it to support about a charge.</summary>
    public string? BillingTransactionId { get; init; }

    /// <summary>Why the task failed (the message, when the service sent an error object), or <see langword="null"/>.</summary>
    public string? Error { get; init; }

    /// <summary>The error's code, when the service sent an error object with one.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>
    /// Whether the task was cancelled: it then reads <see cref="VideoTaskStatus.Failed"/>, with <c>"cancelled": true</c>,
    /// <c>"cancellation_status": "cancelled"</c> or a status of <c>cancelled</c> (or <c>canceled</c>) on the wire.
    /// </summary>
    public bool IsCancelled
    {
        get => _isCancelled || Status.SaysCancelled;
        init => _isCancelled = value;
    }

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
