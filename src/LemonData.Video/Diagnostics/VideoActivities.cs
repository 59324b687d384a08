using System;
using System.Diagnostics;

namespace LemonData.Video;

/// <summary>
/// The SDK's traces: one <see cref="Activity"/> per operation from the <c>LemonData.Video</c> source. When nobody
/// listens (no OpenTelemetry, no listener), <see cref="ActivitySource.StartActivity(string, ActivityKind)"/>
/// returns null and each call here costs a null check.
/// </summary>
internal static class VideoActivities
{
    public const string SourceName = "LemonData.Video";

    public const string CreateVideo = SourceName + ".CreateVideo";
    public const string GetVideoTask = SourceName + ".GetVideoTask";
    public const string WaitForCompletion = SourceName + ".WaitForCompletion";
    public const string WatchVideoTask = SourceName + ".WatchVideoTask";
    public const string GenerateVideo = SourceName + ".GenerateVideo";
    public const string DownloadVideo = SourceName + ".DownloadVideo";
    public const string CancelVideoTask = SourceName + ".CancelVideoTask";
    public const string ListVideoModels = SourceName + ".ListVideoModels";
    public const string GetVideoModel = SourceName + ".GetVideoModel";

    public const string TaskIdTag = "lemondata.task_id";
    public const string ModelTag = "lemondata.model";
    public const string StatusTag = "lemondata.task_status";
    public const string PromptTag = "lemondata.prompt";
    public const string PollsTag = "lemondata.polls";
    public const string ModelCountTag = "lemondata.model_count";

    /// <summary>On a download: how many range requests continued it after a cut.</summary>
    public const string ResumptionsTag = "lemondata.download.resumptions";

    /// <summary>On a download: how many times it started over from the first byte into the (seekable) destination.</summary>
    public const string RestartsTag = "lemondata.download.restarts";

    public static readonly ActivitySource Source = new(SourceName, typeof(VideoActivities).Assembly.GetName().Version?.ToString(3));

    public static Activity? Start(string name, string? taskId = null)
    {
        var activity = Source.StartActivity(name, ActivityKind.Client);
        if (activity is not null && taskId is not null)
        {
            activity.SetTag(TaskIdTag, taskId);
        }

        return activity;
    }

    /// <summary>Tags what is known of the task once an operation has it.</summary>
    public static void Describe(this Activity? activity, VideoTask task)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag(TaskIdTag, task.Id);
        activity.SetTag(StatusTag, task.Status.ToString());
        if (task.Model is not null)
        {
            activity.SetTag(ModelTag, task.Model);
        }
    }

    /// <summary>
    /// Marks the operation failed, with the exception's type (OpenTelemetry's <c>error.type</c>) and task id. Returns
    /// false, to be used as an exception filter (<c>catch (Exception e) when (activity.Failed(e))</c>): the exception
    /// goes on untouched, stack trace included.
    /// </summary>
    public static bool Failed(this Activity? activity, Exception exception)
    {
        if (activity is null)
        {
            return false;
        }

        if (exception is VideoGenerationFailedException failed)
        {
            activity.SetTag(StatusTag, failed.Task.Status.ToString());
        }

        activity.SetTag("error.type", exception.GetType().FullName);
        if (exception.GetVideoTaskId() is { } taskId)
        {
            activity.SetTag(TaskIdTag, taskId);
        }

        // The messages are the SDK's own, already free of the key.
        activity.SetStatus(ActivityStatusCode.Error, exception.Message);
        return false;
    }
}
