using System;
using System.Globalization;

namespace LemonData.Video;

/// <summary>
/// <see cref="LemonDataVideoClient.WaitForCompletionAsync(string, IProgress{VideoTask}?, System.Threading.CancellationToken)"/>
/// reached <see cref="LemonDataVideoClientOptions.WaitTimeout"/>. The task was not cancelled: it is still
/// running on the service, and <see cref="TaskId"/> resumes it.
/// </summary>
public class VideoTaskTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    public VideoTaskTimeoutException(string taskId, TimeSpan waitTimeout, VideoTask? lastSeen)
        : base(ComposeMessage(taskId, waitTimeout, lastSeen))
    {
        TaskId = taskId;
        WaitTimeout = waitTimeout;
        LastSeen = lastSeen;
    }

    /// <summary>The task that did not finish in time.</summary>
    public string TaskId { get; }

    /// <summary>How long the SDK waited.</summary>
    public TimeSpan WaitTimeout { get; }

    /// <summary>The task as last seen, or <see langword="null"/> if no poll answered.</summary>
    public VideoTask? LastSeen { get; }

    private static string ComposeMessage(string taskId, TimeSpan waitTimeout, VideoTask? lastSeen)
    {
        var seen = lastSeen is null
            ? "no poll answered"
            : "last seen " + lastSeen.Status + (lastSeen.Progress is { } progress ? " at " + progress.ToString("0.#", CultureInfo.InvariantCulture) + "%" : string.Empty);
        return "Video task '" + taskId + "' did not finish within the wait timeout of " + Describe(waitTimeout) + " (" + seen + "). "
            + "It was not cancelled and may still complete: call WaitForCompletionAsync(\"" + taskId + "\") to keep waiting, "
            + "or raise LemonDataVideoClientOptions.WaitTimeout.";
    }

    private static string Describe(TimeSpan span) =>
        span.TotalMinutes >= 1
            ? span.TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture) + " min"
            : span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
