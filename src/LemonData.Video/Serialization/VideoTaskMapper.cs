using System;
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
            VideoUrl = FirstNonEmpty(response.VideoUrl, response.Video?.Url, firstVideo?.Url),
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
