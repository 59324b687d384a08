using System;
using System.Collections.Generic;
using System.Text.Json;

namespace LemonData.Video;

/// <summary>Turns the wire shape of a task, in any of the service's three generations, into a <see cref="VideoTask"/>.</summary>
internal static class VideoTaskMapper
{
    /// <summary>Maps a task; <see langword="null"/> when the answer names no task at all.</summary>
    public static VideoTask? ToVideoTask(VideoTaskResponse response, string? knownTaskId = null, string? secret = null)
    {
        // `id` (B, C) and `task_id` (A) name the same task; an answer may carry either or both.
        var id = FirstNonEmpty(response.Id, response.TaskId, knownTaskId);
        if (id is null)
        {
            return null;
        }

        var (error, errorCode) = ReadError(response.Error);

        // A failed task's message ends up in exception messages and logs: it must not carry a key.
        error = error is null ? null : SecretRedactor.Redact(error, secret);
        errorCode = errorCode is null ? null : SecretRedactor.Redact(errorCode, secret);
        var firstVideo = response.Videos is { Count: > 0 } videos ? videos[0] : null;
        return new VideoTask(id, VideoTaskStatus.FromWire(response.Status))
        {
            Model = response.Model,
            Progress = ReadProgress(response.Progress),

            // The first output (video_url, else video.url, else videos[0].url) is VideoUrl: VideoTask puts video_url
            // before the outputs and drops the ones named twice.
            VideoUrl = FirstNonEmpty(response.VideoUrl, null),
            Videos = ReadOutputs(response.Video, response.Videos, id),
            BillingTransactionId = FirstNonEmpty(response.BillingTransactionId, null),
            Error = error,
            ErrorCode = errorCode,
            IsCancelled = response.Cancelled == true
                || string.Equals(response.CancellationStatus, "cancelled", StringComparison.OrdinalIgnoreCase),
            CreatedAt = FromUnixSeconds(response.CreatedAt ?? response.Created),
            UpdatedAt = FromUnixSeconds(response.Updated),
            CompletedAt = FromUnixSeconds(response.CompletedAt),
            PollUrl = string.IsNullOrWhiteSpace(response.PollUrl) ? null : response.PollUrl,
            VideoDurationSeconds = response.Video?.Duration ?? firstVideo?.Duration,
        };
    }

    // Outputs without a URL cannot be downloaded or told apart: they are left out.
    private static VideoOutput[] ReadOutputs(VideoAsset? video, IList<VideoAsset>? videos, string taskId)
    {
        var count = (string.IsNullOrWhiteSpace(video?.Url) ? 0 : 1) + (videos?.Count ?? 0);
        if (count == 0)
        {
            return Array.Empty<VideoOutput>();
        }

        var outputs = new List<VideoOutput>(count);
        AddOutput(outputs, video, taskId);
        if (videos is not null)
        {
            foreach (var asset in videos)
            {
                AddOutput(outputs, asset, taskId);
            }
        }

        return outputs.ToArray();
    }

    private static void AddOutput(List<VideoOutput> outputs, VideoAsset? asset, string taskId)
    {
        if (asset is null || string.IsNullOrWhiteSpace(asset.Url))
        {
            return;
        }

        outputs.Add(new VideoOutput(asset.Url!)
        {
            Duration = asset.Duration is { } seconds && !double.IsNaN(seconds) && !double.IsInfinity(seconds) && seconds >= 0 ? seconds : null,
            Width = asset.Width is > 0 ? asset.Width : null,
            Height = asset.Height is > 0 ? asset.Height : null,
            TaskId = taskId,
        });
    }

    // `error` is a string in generation A and an object {code, message} later; anything else is
    // kept as raw JSON rather than lost.
    private static (string? Message, string? Code) ReadError(JsonElement? error)
    {
        if (error is not { } element)
        {
            return (null, null);
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return (element.GetString(), null);
            case JsonValueKind.Object:
                var message = ReadString(element, "message");
                var code = ReadString(element, "code");
                return (message ?? code ?? element.GetRawText(), code);
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
            case JsonValueKind.False:
                return (null, null);
            default:
                return (element.GetRawText(), null);
        }
    }

    // The contract says 0-100; a value outside it (or infinite, as 1e400 reads) is clamped or dropped.
    private static double? ReadProgress(double? progress) =>
        progress is { } value && !double.IsNaN(value) && !double.IsInfinity(value)
            ? Math.Min(100, Math.Max(0, value))
            : null;

    private static string? ReadString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? FromUnixSeconds(long? seconds)
    {
        // Out-of-range values would throw; a wrong timestamp must not cost the caller the task.
        const long MaxUnixSeconds = 253402300799;
        const long MinUnixSeconds = -62135596800;
        return seconds is { } value && value >= MinUnixSeconds && value <= MaxUnixSeconds
            ? DateTimeOffset.FromUnixTimeSeconds(value)
            : null;
    }

    private static string? FirstNonEmpty(string? first, string? second, string? third = null)
    {
        if (!string.IsNullOrWhiteSpace(first))
        {
            return first;
        }

        if (!string.IsNullOrWhiteSpace(second))
        {
            return second;
        }

        return string.IsNullOrWhiteSpace(third) ? null : third;
    }
}
