using System;
using System.Collections.Generic;

namespace LemonData.Video.Batch;

/// <summary>
/// One state change of a job, as the runner asks a ledger to record it. Made by the static methods, one per transition,
/// so that a change carries exactly what its state promises (a task id with <see cref="VideoJobState.Created"/>, the URLs
/// with <see cref="VideoJobState.Completed"/>, ...). A ledger records it only from the states <see cref="AllowedFrom"/> lists.
/// </summary>
public sealed class VideoJobChange
{
    private VideoJobChange(string key, VideoJobState to, IReadOnlyList<VideoJobState> allowedFrom)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new ArgumentException("The job key must not be empty.", nameof(key));
        }

        Key = key;
        To = to;
        AllowedFrom = allowedFrom;
    }

    /// <summary>The job.</summary>
    public string Key { get; }

    /// <summary>The state the job moves to.</summary>
    public VideoJobState To { get; }

    /// <summary>The states the job may be in for this change to apply; any other is a bug or another writer, and is refused.</summary>
    public IReadOnlyList<VideoJobState> AllowedFrom { get; }

    /// <summary>The task id to record (<see cref="VideoJobState.Created"/>, and <see cref="VideoJobState.OutcomeUnknown"/> when the answer named one).</summary>
    public string? TaskId { get; private init; }

    /// <summary>Where the service said to poll the task (<c>poll_url</c>), recorded with <see cref="VideoJobState.Created"/>, so that a later run polls exactly there.</summary>
    public string? PollUrl { get; private init; }

    /// <summary>The output URLs to record (<see cref="VideoJobState.Completed"/>).</summary>
    public IReadOnlyList<string>? OutputUrls { get; private init; }

    /// <summary>The files to record (<see cref="VideoJobState.Downloaded"/>).</summary>
    public IReadOnlyList<VideoJobFile>? Files { get; private init; }

    /// <summary>Why: the service's message, or what happened; replaces the record's <see cref="VideoJobRecord.Error"/>.</summary>
    public string? Error { get; private init; }

    /// <summary>
    /// Whether this change must reach the disk before the call returns even through a power cut: the ones whose loss could
    /// pay for a video twice or lose a task id (Submitting before the create; Created and OutcomeUnknown carrying the id).
    /// Losing any other to a power cut only repeats a poll or a download. (A process crash loses no committed change.)
    /// </summary>
    public bool MustSurvivePowerLoss => To is VideoJobState.Submitting or VideoJobState.Created or VideoJobState.OutcomeUnknown;

    /// <summary>
    /// Whether the job, once changed, is no longer held by the worker that recorded the change: it is finished, or waits for
    /// a person, or is back to Planned for any worker to claim.
    /// </summary>
    public bool LetsGoOfJob => To is not (VideoJobState.Submitting or VideoJobState.Created or VideoJobState.Completed);

    /// <summary>Planned to Submitting: recorded before the create is sent.</summary>
    public static VideoJobChange Submitting(string key) => new(key, VideoJobState.Submitting, new[] { VideoJobState.Planned });

    /// <summary>Submitting to Created, with the task id the create's answer gave (and its <c>poll_url</c>, when it had one).</summary>
    public static VideoJobChange Created(string key, string taskId, string? pollUrl = null) =>
        new(key, VideoJobState.Created, new[] { VideoJobState.Submitting })
        {
            TaskId = string.IsNullOrWhiteSpace(taskId) ? throw new ArgumentException("A created job needs its task id.", nameof(taskId)) : taskId,
            PollUrl = pollUrl,
        };

    /// <summary>Created to Completed, with the URLs of the task's videos (also Completed to Completed: fresh URLs; Downloaded to Completed: a saved file is gone or changed).</summary>
    public static VideoJobChange Completed(string key, IReadOnlyList<string> outputUrls, string? note = null) =>
        new(key, VideoJobState.Completed, new[] { VideoJobState.Created, VideoJobState.Completed, VideoJobState.Downloaded })
        {
            OutputUrls = outputUrls is { Count: > 0 } ? outputUrls : throw new ArgumentException("A completed job needs its output URLs.", nameof(outputUrls)),
            Error = note,
        };

    /// <summary>Completed to Downloaded, with every file saved.</summary>
    public static VideoJobChange Downloaded(string key, IReadOnlyList<VideoJobFile> files) =>
        new(key, VideoJobState.Downloaded, new[] { VideoJobState.Completed })
        {
            Files = files is { Count: > 0 } ? files : throw new ArgumentException("A downloaded job needs its files.", nameof(files)),
        };

    /// <summary>Created to Failed: the service said the task failed.</summary>
    public static VideoJobChange Failed(string key, string message) =>
        new(key, VideoJobState.Failed, new[] { VideoJobState.Created }) { Error = message };

    /// <summary>Submitting to Refused: the create was provably refused for this job; nothing was created.</summary>
    public static VideoJobChange Refused(string key, string message) =>
        new(key, VideoJobState.Refused, new[] { VideoJobState.Submitting }) { Error = message };

    /// <summary>Submitting to OutcomeUnknown: the create may have made a task; <paramref name="taskId"/> when its answer named one.</summary>
    public static VideoJobChange OutcomeUnknown(string key, string? taskId, string message) =>
        new(key, VideoJobState.OutcomeUnknown, new[] { VideoJobState.Submitting }) { TaskId = taskId, Error = message };

    /// <summary>
    /// Back to Planned: from Submitting when the create was refused for the account, not the job (402, a 429 past its
    /// retries, 401, no connection: nothing was created); from Refused or OutcomeUnknown when the user asks to send it again.
    /// </summary>
    public static VideoJobChange Planned(string key, string reason) =>
        new(key, VideoJobState.Planned, new[] { VideoJobState.Submitting, VideoJobState.Refused, VideoJobState.OutcomeUnknown }) { Error = reason };

    /// <inheritdoc />
    public override string ToString() => Key + " -> " + To;
}
