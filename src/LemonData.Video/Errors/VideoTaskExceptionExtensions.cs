using System;

namespace LemonData.Video;

/// <summary>Finds the task an exception of the SDK concerns, whatever its type.</summary>
public static class VideoTaskExceptionExtensions
{
    /// <summary>
    /// The key of the task id in <see cref="Exception.Data"/> of the timeouts and cancellations the SDK throws. A handler in
    /// the client's HTTP pipeline may set it on an exception it throws for a create, to name a task it learned of (the
    /// container's create guard does, when it stops a resend after a 5xx that named its task): the SDK then carries that id.
    /// </summary>
    public const string TaskIdDataKey = "LemonData.Video.TaskId";

    /// <summary>
    /// The id of the video task this exception concerns, or <see langword="null"/>: for a
    /// <see cref="LemonDataApiException"/>, a <see cref="VideoGenerationFailedException"/>, and the
    /// <see cref="TimeoutException"/> or <see cref="OperationCanceledException"/> that end a wait.
    /// The task may still be running: resume it with <c>WaitForCompletionAsync(taskId)</c>.
    /// </summary>
    /// <param name="exception">An exception thrown by <see cref="LemonDataVideoClient"/>.</param>
    public static string? GetVideoTaskId(this Exception exception)
    {
        if (exception is null)
        {
            throw new ArgumentNullException(nameof(exception));
        }

        return exception switch
        {
            LemonDataApiException api => api.TaskId,
            VideoGenerationFailedException failed => failed.Task.Id,
            _ => exception.Data[TaskIdDataKey] as string,
        };
    }

    internal static T WithTaskId<T>(T exception, string taskId)
        where T : Exception
    {
        // Only strings go in Data: on .NET Framework, Data accepts serializable values only.
        exception.Data[TaskIdDataKey] = taskId;
        return exception;
    }
}
