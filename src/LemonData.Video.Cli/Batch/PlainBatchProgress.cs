using System;
using System.IO;
using LemonData.Video.Batch;

namespace LemonData.Video.Cli.Batch;

/// <summary>Progress for logs (output redirected, CI): one line per change of a job, never redrawn, so every line survives in the log.</summary>
internal sealed class PlainBatchProgress : IProgress<VideoBatchProgress>
{
    private readonly TextWriter _writer;
    private readonly object _gate = new();

    public PlainBatchProgress(TextWriter writer)
    {
        _writer = writer;
    }

    public void Report(VideoBatchProgress value)
    {
        var line = "[" + BatchText.Elapsed(value.Elapsed) + "] " + value.JobKey + ": " + value.State
            + (value.TaskId is null ? string.Empty : " (task " + value.TaskId + ")")
            + (value.Message is null ? string.Empty : ": " + value.Message);

        // The runner reports from several jobs at once; a line is written whole.
        lock (_gate)
        {
            _writer.WriteLine(line);
            _writer.Flush();
        }
    }
}
