using System;

namespace LemonData.Video;

/// <summary>The task ended <c>failed</c> (or was cancelled): no video was made. <see cref="Task"/> says why.</summary>
public class VideoGenerationFailedException : Exception
{
    /// <summary>Creates the exception for a failed task.</summary>
    /// <param name="task">The failed task.</param>
    public VideoGenerationFailedException(VideoTask task)
        : base(ComposeMessage(task ?? throw new ArgumentNullException(nameof(task))))
    {
        Task = task;
    }

    /// <summary>The failed task, as the service last reported it.</summary>
    public VideoTask Task { get; }

    private static string ComposeMessage(VideoTask task)
    {
        var model = task.Model is null ? string.Empty : " (model " + task.Model + ")";
        if (task.IsCancelled)
        {
            return "Video task '" + task.Id + "'" + model + " was cancelled; no video was made.";
        }

        var reason = task.Error is null
            ? "the service gave no reason"
            : task.Error + (task.ErrorCode is null ? string.Empty : " [" + task.ErrorCode + "]");
        // A synonym (error, expired) is named: it can say more than the message, or be all there is.
        var status = task.Status.ToString();
        var spelling = status.Length == 0 || string.Equals(status, VideoTaskStatus.Failed.ToString(), StringComparison.OrdinalIgnoreCase)
            ? string.Empty
            : " (status '" + status + "')";
        return "Video task '" + task.Id + "'" + model + " failed" + spelling + ": " + reason
            + ". Change the request (prompt, images or model) before submitting it again.";
    }
}
