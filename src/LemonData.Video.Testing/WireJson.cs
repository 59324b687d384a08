using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;

namespace LemonData.Video.Testing;

/// <summary>The JSON bodies the simulator answers with, in the shapes of the service's documentation.</summary>
internal static class WireJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false };

    /// <summary>The answer to a create: generation A <c>{task_id, status, model, created_at}</c>, C adds <c>id</c> and <c>poll_url</c>.</summary>
    public static byte[] CreateAnswer(SimulatedApiGeneration generation, SimulatedTask task) => Write(writer =>
    {
        if (generation == SimulatedApiGeneration.A)
        {
            writer.WriteString("task_id", task.Id);
            writer.WriteString("status", "pending");
            writer.WriteString("model", task.Model);
            writer.WriteNumber("created_at", task.Created);
        }
        else
        {
            writer.WriteString("id", task.Id);
            writer.WriteString("task_id", task.Id);
            writer.WriteString("poll_url", PollPath(task.Id));
            writer.WriteString("status", "pending");
            writer.WriteString("model", task.Model);
            writer.WriteNumber("created", task.Created);
        }
    });

    /// <summary>
    /// A task as a read (or a cancel) shows it. <paramref name="videoUrls"/> has the URL of each output (at least one):
    /// the first is <c>video_url</c> (and <c>video</c>); with more, <c>videos</c> lists them all.
    /// </summary>
    public static byte[] Task(SimulatedApiGeneration generation, SimulatedTask task, TaskSnapshot state, IReadOnlyList<string> videoUrls, VideoFacts video, string status) => Write(writer =>
    {
        var videoUrl = videoUrls[0];
        var generationA = generation == SimulatedApiGeneration.A;
        if (!generationA)
        {
            writer.WriteString("id", task.Id);
        }

        writer.WriteString("task_id", task.Id);
        writer.WriteString("status", status);
        if (state.Stage != TaskStage.Cancelled)
        {
            writer.WriteNumber("progress", state.Progress);
        }

        writer.WriteString("model", task.Model);
        if (state.Stage == TaskStage.Completed)
        {
            writer.WriteString("video_url", videoUrl);
            if (!generationA)
            {
                writer.WritePropertyName("video");
                WriteVideo(writer, videoUrl, video);
            }

            if (videoUrls.Count > 1)
            {
                writer.WriteStartArray("videos");
                foreach (var url in videoUrls)
                {
                    WriteVideo(writer, url, video);
                }

                writer.WriteEndArray();
            }
        }

        if (state.Stage == TaskStage.Failed && task.Failure is { } failure)
        {
            if (failure.AsString)
            {
                writer.WriteString("error", failure.Message);
            }
            else
            {
                writer.WriteStartObject("error");
                if (failure.Code is not null)
                {
                    writer.WriteString("code", failure.Code);
                }

                writer.WriteString("message", failure.Message);
                writer.WriteEndObject();
            }
        }

        if (state.Stage == TaskStage.Cancelled)
        {
            writer.WriteBoolean("cancelled", true);
            writer.WriteString("cancellation_status", "cancelled");
        }

        if (generationA)
        {
            writer.WriteNumber("created_at", state.Created);
            if (state.Completed is { } completedAt)
            {
                writer.WriteNumber("completed_at", completedAt);
            }
        }
        else
        {
            writer.WriteString("poll_url", PollPath(task.Id));
            writer.WriteNumber("created", state.Created);
            writer.WriteNumber("updated", state.Updated);
        }
    });

    /// <summary>The service's error body: <c>{"error": {message, type, code, param, ...}, "validation_errors": [...]}</c>.</summary>
    public static byte[] Error(
        string message,
        string type,
        string code,
        string? param = null,
        string? didYouMean = null,
        bool? retryable = null,
        double? retryAfterSeconds = null,
        IReadOnlyList<KeyValuePair<string, string>>? validationErrors = null) => Write(writer =>
    {
        writer.WriteStartObject("error");
        writer.WriteString("message", message);
        writer.WriteString("type", type);
        writer.WriteString("code", code);
        if (param is not null)
        {
            writer.WriteString("param", param);
        }

        if (retryable is { } canRetry)
        {
            writer.WriteBoolean("retryable", canRetry);
        }

        if (retryAfterSeconds is { } seconds)
        {
            writer.WriteNumber("retry_after", seconds);
        }

        if (didYouMean is not null)
        {
            writer.WriteString("did_you_mean", didYouMean);
        }

        writer.WriteEndObject();
        if (validationErrors is { Count: > 0 })
        {
            writer.WriteStartArray("validation_errors");
            foreach (var error in validationErrors)
            {
                writer.WriteStartObject();
                writer.WriteString("field", error.Key);
                writer.WriteString("message", error.Value);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }
    });

    private static void WriteVideo(Utf8JsonWriter writer, string url, VideoFacts video)
    {
        writer.WriteStartObject();
        writer.WriteString("url", url);
        writer.WriteNumber("duration", video.DurationSeconds);
        writer.WriteNumber("width", video.Width);
        writer.WriteNumber("height", video.Height);
        writer.WriteEndObject();
    }

    public static string PollPath(string taskId) => "/v1/tasks/" + Uri.EscapeDataString(taskId);

    /// <summary>A JSON object whose members <paramref name="writeProperties"/> writes.</summary>
    public static byte[] Write(Action<Utf8JsonWriter> writeProperties)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}

/// <summary>What the served video is: its length and size, as a completed task of generation C reports them.</summary>
internal readonly struct VideoFacts
{
    public VideoFacts(double durationSeconds, int width, int height)
    {
        DurationSeconds = durationSeconds;
        Width = width;
        Height = height;
    }

    public double DurationSeconds { get; }

    public int Width { get; }

    public int Height { get; }
}
