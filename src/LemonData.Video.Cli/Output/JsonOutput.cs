using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LemonData.Video.Cli.Output;

/// <summary>
/// The one JSON document a command writes to stdout with <c>--json</c>. Every document is an object
/// with <c>exitCode</c>; then, as they apply: <c>task</c>, <c>output</c> (<c>path</c>, <c>bytes</c>),
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

    public JsonOutput Output(string? path, long? bytes)
    {
        if (path is not null)
        {
            _writer.WriteStartObject("output");
            _writer.WriteString("path", path);
            if (bytes is { } length)
            {
                _writer.WriteNumber("bytes", length);
            }

            _writer.WriteEndObject();
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
        writer.WriteString("status", task.Status.ToString());
        WriteIfSet(writer, "model", task.Model);
        if (task.Progress is { } progress)
        {
            writer.WriteNumber("progress", progress);
        }

        WriteIfSet(writer, "videoUrl", task.VideoUrl);
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
