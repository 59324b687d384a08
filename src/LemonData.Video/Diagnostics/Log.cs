using System;
using Microsoft.Extensions.Logging;

namespace LemonData.Video;

/// <summary>
/// Every log event of the SDK, source-generated (no boxing or formatting unless the level is enabled).
/// Event ids are stable: filters and alerts may key on them. No event takes the API key; only
/// <see cref="CreatingVideoWithPrompt"/> takes the prompt, and it is logged only when the user opted in.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, EventName = "RequestSending", Level = LogLevel.Debug,
        Message = "Sending {Method} {Path} ({Operation}), attempt {Attempt}")]
    public static partial void RequestSending(ILogger logger, string method, string path, string operation, int attempt);

    [LoggerMessage(EventId = 2, EventName = "RequestAnswered", Level = LogLevel.Debug,
        Message = "{Method} {Path} answered {StatusCode} after {ElapsedMilliseconds} ms")]
    public static partial void RequestAnswered(ILogger logger, string method, string path, int statusCode, long elapsedMilliseconds);

    [LoggerMessage(EventId = 3, EventName = "RetryScheduled", Level = LogLevel.Warning,
        Message = "{Operation} failed ({Problem}); retry {Retry} of {MaxRetries} in {Delay}")]
    public static partial void RetryScheduled(ILogger logger, string operation, string problem, int retry, int maxRetries, TimeSpan delay);

    [LoggerMessage(EventId = 4, EventName = "RequestFailed", Level = LogLevel.Warning,
        Message = "{Operation} failed and is not retried: {Problem}")]
    public static partial void RequestFailed(ILogger logger, string operation, string problem);

    [LoggerMessage(EventId = 5, EventName = "TaskCreated", Level = LogLevel.Information,
        Message = "Created task {TaskId} with model {Model} ({Status})")]
    public static partial void TaskCreated(ILogger logger, string taskId, string model, string status);

    [LoggerMessage(EventId = 6, EventName = "CreatingVideoWithPrompt", Level = LogLevel.Debug,
        Message = "Creating a video with model {Model}, prompt: {Prompt}")]
    public static partial void CreatingVideoWithPrompt(ILogger logger, string model, string prompt);

    [LoggerMessage(EventId = 7, EventName = "TaskPolled", Level = LogLevel.Information,
        Message = "Task {TaskId} is {Status} ({Progress}%); next poll in {NextDelay}")]
    public static partial void TaskPolled(ILogger logger, string taskId, string status, double progress, TimeSpan nextDelay);

    [LoggerMessage(EventId = 8, EventName = "FirstPollDelayed", Level = LogLevel.Debug,
        Message = "Task {TaskId} was just created; first poll in {NextDelay}")]
    public static partial void FirstPollDelayed(ILogger logger, string taskId, TimeSpan nextDelay);

    [LoggerMessage(EventId = 9, EventName = "TaskCompleted", Level = LogLevel.Information,
        Message = "Task {TaskId} completed after {Elapsed} and {Polls} polls")]
    public static partial void TaskCompleted(ILogger logger, string taskId, TimeSpan elapsed, int polls);

    [LoggerMessage(EventId = 10, EventName = "TaskFailed", Level = LogLevel.Warning,
        Message = "Task {TaskId} failed: {Error}")]
    public static partial void TaskFailed(ILogger logger, string taskId, string error);

    [LoggerMessage(EventId = 11, EventName = "WaitStopped", Level = LogLevel.Warning,
        Message = "Stopped waiting for task {TaskId} after {Elapsed} ({Reason}); the task keeps running and the wait can be resumed with its id")]
    public static partial void WaitStopped(ILogger logger, string taskId, TimeSpan elapsed, string reason);

    [LoggerMessage(EventId = 12, EventName = "VideoDownloaded", Level = LogLevel.Information,
        Message = "Downloaded {Bytes} bytes of task {TaskId} after {ElapsedMilliseconds} ms")]
    public static partial void VideoDownloaded(ILogger logger, string taskId, long bytes, long elapsedMilliseconds);

    [LoggerMessage(EventId = 13, EventName = "ModelLookupFailed", Level = LogLevel.Warning,
        Message = "Could not look up model {Model} on the service ({Problem}); requests for it are sent checked by the API's limits only, and it is looked up again after {RetryAfter}")]
    public static partial void ModelLookupFailed(ILogger logger, string model, string problem, TimeSpan retryAfter);

    [LoggerMessage(EventId = 14, EventName = "ModelLookedUp", Level = LogLevel.Debug,
        Message = "Looked up model {Model} on the service: {Outcome}")]
    public static partial void ModelLookedUp(ILogger logger, string model, string outcome);

    [LoggerMessage(EventId = 15, EventName = "DownloadResuming", Level = LogLevel.Warning,
        Message = "Download of task {TaskId} broke off after {Bytes} of {Length} bytes ({Problem}); continuing from there with a range request, retry {Retry} of {MaxRetries} in {Delay}")]
    public static partial void DownloadResuming(ILogger logger, string taskId, long bytes, long length, string problem, int retry, int maxRetries, TimeSpan delay);

    [LoggerMessage(EventId = 16, EventName = "DownloadRestarting", Level = LogLevel.Warning,
        Message = "Download of task {TaskId} starts over from the first byte in {Delay}, after {Bytes} bytes ({Reason}): the destination is rewound to where it began")]
    public static partial void DownloadRestarting(ILogger logger, string taskId, long bytes, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 17, EventName = "UnknownTaskStatus", Level = LogLevel.Warning,
        Message = "Task {TaskId} reports status '{Status}', which this SDK does not know: it is kept as it came and ends nothing, so polling goes on until the task completes or fails, or WaitTimeout passes")]
    public static partial void UnknownTaskStatus(ILogger logger, string taskId, string status);
}
