using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using LemonData.Video.Batch;

namespace LemonData.Video.Cli.Batch;

/// <summary>
/// Progress on a terminal: one status line (counts per state, tasks in flight, videos saved, elapsed time) rewritten in
/// place twice a second, and each job that needs a person printed above it as it happens, so the last errors stay on
/// screen. A plain carriage return and erase-line: nothing a terminal could misdraw.
/// </summary>
internal sealed class LiveBatchProgress : IProgress<VideoBatchProgress>, IDisposable
{
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(500);

    private readonly TextWriter _writer;
    private readonly object _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Timer _timer;
    private VideoBatchProgress? _last;
    private bool _stopped;

    public LiveBatchProgress(TextWriter writer)
    {
        _writer = writer;

        // The clock moves even when no job changes (long waits): redraw on a timer, not only on reports.
        _timer = new Timer(_ => Redraw(), null, RedrawInterval, RedrawInterval);
    }

    public void Report(VideoBatchProgress value)
    {
        lock (_gate)
        {
            _last = value;
            if (BatchText.WhatToDo(value.State) is not null && !_stopped)
            {
                _writer.Write("\r\u001b[2K");
                _writer.WriteLine(value.JobKey + ": " + value.State + (value.TaskId is null ? string.Empty : " (task " + value.TaskId + ")")
                    + (value.Message is null ? string.Empty : ": " + value.Message));
            }
        }

        // Drawn by the timer only: a fast batch reports thousands of changes a second, and a terminal redrawn for each
        // would slow the run down more than the work it shows.
    }

    public void Dispose()
    {
        _timer.Dispose();

        // The last changes may have come after the last tick: the line left on screen shows the batch as the run left it.
        Redraw();
        lock (_gate)
        {
            // Leave the last status line on screen and start the summary below it.
            if (!_stopped)
            {
                _stopped = true;
                _writer.WriteLine();
                _writer.Flush();
            }
        }
    }

    private void Redraw()
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            var line = _last is null
                ? "starting..."
                : BatchText.Counts(_last.Counts) + " | in flight " + _last.TasksInFlight
                  + " | saved " + (_last.Counts.TryGetValue(VideoJobState.Downloaded, out var saved) ? saved : 0)
                  + "/" + BatchText.Total(_last.Counts);
            _writer.Write("\r\u001b[2K" + line + " | " + BatchText.Elapsed(_clock.Elapsed));
            _writer.Flush();
        }
    }
}
