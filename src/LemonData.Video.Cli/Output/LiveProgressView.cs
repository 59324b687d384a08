using System;
using System.Threading.Tasks;
using Spectre.Console;

namespace LemonData.Video.Cli.Output;

/// <summary>
/// Progress on a terminal: a live bar per step (the task, then the download) with its status,
/// percentage, elapsed time and a spinner, redrawn in place by Spectre.Console.
/// </summary>
internal sealed class LiveProgressView : IProgressView
{
    private readonly IAnsiConsole _console;

    public LiveProgressView(IAnsiConsole console)
    {
        _console = console;
    }

    public Task<T> RunAsync<T>(Func<IProgressSink, Task<T>> body) =>
        _console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn(),
                new PercentageColumn(),
                new ElapsedTimeColumn(),
                new SpinnerColumn())
            .StartAsync(context => body(new Sink(context)));

    private sealed class Sink : IProgressSink
    {
        private readonly ProgressContext _context;
        private readonly object _gate = new();
        private ProgressTask? _task;
        private ProgressTask? _download;

        public Sink(ProgressContext context)
        {
            _context = context;
        }

        public void Report(VideoTask value)
        {
            lock (_gate)
            {
                // The id is on the line above (Submitted task ..., Waiting for task ...): the bar gets the width.
                var description = Colored(value);
                _task ??= _context.AddTask(description, maxValue: 100);
                _task.Description = description;
                if (value.Status == VideoTaskStatus.Completed)
                {
                    _task.IsIndeterminate = false;
                    _task.Value = 100;
                }
                else if (value.Status == VideoTaskStatus.Failed)
                {
                    _task.IsIndeterminate = false;
                    _task.StopTask();
                }
                else if (value.Progress is { } progress)
                {
                    _task.IsIndeterminate = false;
                    _task.Value = Math.Clamp(progress, 0, 99.9);
                }
                else
                {
                    _task.IsIndeterminate = true;
                }
            }
        }

        public void DownloadStarted(string path)
        {
            lock (_gate)
            {
                _download = _context.AddTask("[grey]downloading to[/] " + Markup.Escape(path), maxValue: 100);
                _download.IsIndeterminate = true;
            }
        }

        public void DownloadFinished(string path, long bytes)
        {
            lock (_gate)
            {
                if (_download is null)
                {
                    return;
                }

                _download.Description = "[green]saved[/] " + Markup.Escape(path) + " [grey](" + TaskText.Bytes(bytes) + ")[/]";
                _download.IsIndeterminate = false;
                _download.Value = 100;
            }
        }

        private static string Colored(VideoTask task)
        {
            var color = task.Status == VideoTaskStatus.Completed ? "green"
                : task.Status == VideoTaskStatus.Failed ? "red"
                : task.Status == VideoTaskStatus.Processing ? "yellow"
                : "grey";
            return "[" + color + "]" + Markup.Escape(task.Status.ToString()) + "[/]";
        }
    }
}
