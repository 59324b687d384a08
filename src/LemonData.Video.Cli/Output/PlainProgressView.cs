using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace LemonData.Video.Cli.Output;

/// <summary>
/// Progress for logs (output redirected, CI): one line each time the status or the whole percentage
/// changes, with the time since the wait began. Nothing is redrawn, so every line survives in the log.
/// </summary>
internal sealed class PlainProgressView : IProgressView
{
    private readonly TextWriter _writer;

    public PlainProgressView(TextWriter writer)
    {
        _writer = writer;
    }

    public Task<T> RunAsync<T>(Func<IProgressSink, Task<T>> body) => body(new Sink(_writer));

    private sealed class Sink : IProgressSink
    {
        private readonly TextWriter _writer;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly object _gate = new();
        private string? _lastLine;

        public Sink(TextWriter writer)
        {
            _writer = writer;
        }

        public void Report(VideoTask value)
        {
            // The id was printed when the task was submitted (generate) or given (wait, download).
            var line = TaskText.StatusWithProgress(value);
            lock (_gate)
            {
                if (line == _lastLine)
                {
                    return;
                }

                _lastLine = line;
                Write(line);
            }
        }

        public void DownloadStarted(string path)
        {
            lock (_gate)
            {
                Write("downloading the video to " + path);
            }
        }

        public void DownloadFinished(string path, long bytes)
        {
            // The summary after the view says where the video was saved.
        }

        private void Write(string text)
        {
            _writer.WriteLine("[" + TaskText.Elapsed(_clock.Elapsed) + "] " + text);
            _writer.Flush();
        }
    }
}
