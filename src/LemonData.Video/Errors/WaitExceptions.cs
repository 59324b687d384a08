using System;
using System.Globalization;
using System.Threading;

namespace LemonData.Video;

/// <summary>
/// The exceptions that end a wait. They are the exact contract types (<see cref="TimeoutException"/>,
/// <see cref="OperationCanceledException"/>), not subclasses, so that code catching or asserting those
/// types matches; the task id travels in <see cref="Exception.Data"/> (read it with
/// <see cref="VideoTaskExceptionExtensions.GetVideoTaskId"/>) and in the message.
/// </summary>
internal static class WaitExceptions
{
    public static TimeoutException TimedOut(string taskId, TimeSpan waitTimeout, VideoTask? lastSeen)
    {
        var seen = lastSeen is null
            ? "no poll answered"
            : "last seen " + lastSeen.Status + (lastSeen.Progress is { } progress ? " at " + progress.ToString("0.#", CultureInfo.InvariantCulture) + "%" : string.Empty);
        var exception = new TimeoutException(
            "Video task '" + taskId + "' did not finish within the wait timeout of " + Describe(waitTimeout) + " (" + seen + "). "
            + "It was not cancelled and may still complete: call WaitForCompletionAsync(\"" + taskId + "\") to keep waiting, "
            + "or raise LemonDataVideoClientOptions.WaitTimeout.");
        return VideoTaskExceptionExtensions.WithTaskId(exception, taskId);
    }

    public static OperationCanceledException Canceled(string taskId, Exception innerException, CancellationToken cancellationToken)
    {
        var exception = new OperationCanceledException(
            "Stopped waiting for video task '" + taskId + "'. The task was not cancelled and may still complete: "
            + "call WaitForCompletionAsync(\"" + taskId + "\") to resume.",
            innerException,
            cancellationToken);
        return VideoTaskExceptionExtensions.WithTaskId(exception, taskId);
    }

    private static string Describe(TimeSpan span) =>
        span.TotalMinutes >= 1
            ? span.TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture) + " min"
            : span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
