using System;
using System.Globalization;

namespace LemonData.Video.Cli.Output;

/// <summary>The short texts shared by every view: a status with its percentage, a size, a duration.</summary>
internal static class TaskText
{
    /// <summary>For example <c>processing 40%</c>; a percentage only while running and once there is one (no <c>pending 0%</c>).</summary>
    public static string StatusWithProgress(VideoTask task) =>
        task.Progress is { } progress && !task.IsTerminal && (progress > 0 || task.Status == VideoTaskStatus.Processing)
            ? task.Status + " " + Percent(progress)
            : task.Status.ToString();

    public static string Percent(double progress) =>
        Math.Clamp(progress, 0, 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    public static string Bytes(long bytes) =>
        bytes < 1024 ? bytes.ToString(CultureInfo.InvariantCulture) + " bytes"
        : bytes < 1024 * 1024 ? (bytes / 1024d).ToString("0.#", CultureInfo.InvariantCulture) + " KiB"
        : (bytes / (1024d * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MiB";

    public static string Elapsed(TimeSpan elapsed) =>
        elapsed.TotalHours >= 1
            ? ((int)elapsed.TotalHours).ToString(CultureInfo.InvariantCulture) + elapsed.ToString(@"\:mm\:ss", CultureInfo.InvariantCulture)
            : elapsed.ToString(@"mm\:ss", CultureInfo.InvariantCulture);

    public static string Timestamp(DateTimeOffset? value) =>
        value?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "-";
}
