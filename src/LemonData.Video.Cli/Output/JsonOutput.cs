using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LemonData.Video.Cli.Output;

/// <summary>
/// The one JSON document a command writes to stdout with <c>--json</c>. Every document is an object
/// with <c>exitCode</c>; then, as they apply: <c>task</c>, <c>output</c> (<c>path</c>, <c>bytes</c>: the first file
/// saved), <c>outputs</c> (every file saved, one per video of the task),
/// <c>simulated</c>, <c>error</c> (<c>kind</c>, <c>message</c>, and details), <c>resume</c> (the command
/// that resumes the task), or <c>models</c>. Names are camelCase; absent values are omitted.
/// </summary>
internal sealed class JsonOutput
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly MemoryStream _buffer = new();
    private readonly Utf8JsonWriter _writer;

    private JsonOutput(int exitCode)
    {
        _writer = new Utf8JsonWriter(_buffer, WriterOptions);
        _writer.WriteStartObject();
        _writer.WriteNumber("exitCode", exitCode);
    }

    public Utf8JsonWriter Writer => _writer;

    public static JsonOutput Begin(int exitCode) => new(exitCode);

    public JsonOutput Task(VideoTask? task)
    {
        if (task is not null)
        {
            _writer.WritePropertyName("task");
            WriteTask(_writer, task);
        }

        return this;
    }

    /// <summary>
    /// The files written: <c>outputs</c> lists every one (<c>path</c>, <c>bytes</c>), in the task's order, and
    /// <c>output</c> repeats the first, as the document gave it before tasks had several videos.
    /// </summary>
    public JsonOutput Outputs(IReadOnlyList<SavedVideo>? saved)
    {
        if (saved is { Count: > 0 })
        {
            _writer.WritePropertyName("output");
            WriteSaved(_writer, saved[0]);
            _writer.WriteStartArray("outputs");
            foreach (var file in saved)
            {
                WriteSaved(_writer, file);
            }

            _writer.WriteEndArray();
        }

        return this;
    }

    public JsonOutput Simulated(bool simulated)
    {
        if (simulated)
        {
            _writer.WriteBoolean("simulated", true);
        }

        return this;
    }

    public JsonOutput Resume(string? command)
    {
        if (command is not null)
        {
            _writer.WriteString("resume", command);
        }

        return this;
    }

    /// <summary>Starts <c>error</c> with its kind and message; <paramref name="details"/> adds more properties to it.</summary>
    public JsonOutput Error(string kind, string message, Action<Utf8JsonWriter>? details = null)
    {
        _writer.WriteStartObject("error");
        _writer.WriteString("kind", kind);
        _writer.WriteString("message", message);
        details?.Invoke(_writer);
        _writer.WriteEndObject();
        return this;
    }

    public void WriteTo(TextWriter stdout)
    {
        _writer.WriteEndObject();
        _writer.Flush();
        stdout.WriteLine(Encoding.UTF8.GetString(_buffer.ToArray()));
        stdout.Flush();
        _writer.Dispose();
        _buffer.Dispose();
    }

    public static void WriteTask(Utf8JsonWriter writer, VideoTask task)
    {
        writer.WriteStartObject();
        writer.WriteString("id", task.Id);

        // One of pending, processing, completed, failed for every status the SDK knows (a script can rely on it);
        // the service's own spelling, when it differs (succeeded, cancelled, ...), in serviceStatus.
        var status = task.Status.Normalized.ToString();
        writer.WriteString("status", status);
        if (!string.Equals(status, task.Status.ToString(), StringComparison.Ordinal))
        {
            writer.WriteString("serviceStatus", task.Status.ToString());
        }

        WriteIfSet(writer, "model", task.Model);
        if (task.Progress is { } progress)
        {
            writer.WriteNumber("progress", progress);
        }

        WriteIfSet(writer, "videoUrl", task.VideoUrl);
        if (task.Videos.Count > 0)
        {
            writer.WriteStartArray("videos");
            foreach (var video in task.Videos)
            {
                writer.WriteStartObject();
                writer.WriteString("url", video.Url);
                if (video.Duration is { } seconds)
                {
                    writer.WriteNumber("duration", seconds);
                }

                if (video.Width is { } width)
                {
                    writer.WriteNumber("width", width);
                }

                if (video.Height is { } height)
                {
                    writer.WriteNumber("height", height);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        WriteIfSet(writer, "billingTransactionId", task.BillingTransactionId);
        WriteIfSet(writer, "error", task.Error);
        WriteIfSet(writer, "errorCode", task.ErrorCode);
        if (task.IsCancelled)
        {
            writer.WriteBoolean("cancelled", true);
        }

        if (task.VideoDurationSeconds is { } duration)
        {
            writer.WriteNumber("videoDurationSeconds", duration);
        }

        WriteIfSet(writer, "createdAt", task.CreatedAt);
        WriteIfSet(writer, "updatedAt", task.UpdatedAt);
        WriteIfSet(writer, "completedAt", task.CompletedAt);
        WriteIfSet(writer, "pollUrl", task.PollUrl);
        writer.WriteEndObject();
    }

    public static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteSaved(Utf8JsonWriter writer, SavedVideo file)
    {
        writer.WriteStartObject();
        writer.WriteString("path", file.Path);
        writer.WriteNumber("bytes", file.Bytes);
        writer.WriteEndObject();
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            writer.WriteString(name, time.ToUniversalTime());
        }
    }
}
