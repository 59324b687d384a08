using System;
using System.Threading;

namespace LemonData.Video;

/// <summary>
/// The caller cancelled while waiting for a task. Only the waiting stopped: the job keeps running on
/// the service, and <see cref="TaskId"/> resumes it with
/// <see cref="LemonDataVideoClient.WaitForCompletionAsync(string, IProgress{VideoTask}?, CancellationToken)"/>.
/// </summary>
public class VideoTaskWaitCanceledException : OperationCanceledException
{
    /// <summary>Creates the exception.</summary>
    public VideoTaskWaitCanceledException(string taskId, VideoTask? lastSeen, Exception? innerException, CancellationToken cancellationToken)
        : base(
            "Stopped waiting for video task '" + taskId + "'. The task was not cancelled and may still complete: call WaitForCompletionAsync(\"" + taskId + "\") to resume.",
            innerException,
            cancellationToken)
    {
        TaskId = taskId;
        LastSeen = lastSeen;
    }

    /// <summary>The task that was being waited for.</summary>
    public string TaskId { get; }

    /// <summary>The task as last seen, or <see langword="null"/>.</summary>
    public VideoTask? LastSeen { get; }
}
