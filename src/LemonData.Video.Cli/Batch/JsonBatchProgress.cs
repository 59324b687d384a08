using System;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LemonData.Video.Batch;

namespace LemonData.Video.Cli.Batch;

/// <summary>
/// Progress under <c>--json</c>: one JSON object per change of a job, one per line, on stderr (stdout keeps the single
/// summary document every command writes), so a program can follow the batch as it runs.
/// </summary>
internal sealed class JsonBatchProgress : IProgress<VideoBatchProgress>
{
    private static readonly JsonWriterOptions LineOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly TextWriter _writer;
    private readonly object _gate = new();

    public JsonBatchProgress(TextWriter writer)
    {
        _writer = writer;
    }

    public void Report(VideoBatchProgress value)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, LineOptions))
        {
            json.WriteStartObject();
            json.WriteString("id", value.JobKey);
            json.WriteString("state", value.State.ToString());
            if (value.TaskId is not null)
            {
                json.WriteString("task_id", value.TaskId);
            }

            if (value.Message is not null)
            {
                json.WriteString("message", value.Message);
            }

            json.WriteNumber("in_flight", value.TasksInFlight);
            json.WriteNumber("elapsed_seconds", Math.Round(value.Elapsed.TotalSeconds, 3));
            BatchJson.WriteCounts(json, value.Counts);
            json.WriteEndObject();
        }

        var line = Encoding.UTF8.GetString(buffer.ToArray());
        lock (_gate)
        {
            _writer.WriteLine(line);
            _writer.Flush();
        }
    }
}
