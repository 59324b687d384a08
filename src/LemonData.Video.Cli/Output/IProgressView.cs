using System;
using System.Threading.Tasks;

namespace LemonData.Video.Cli.Output;

/// <summary>Shows a task's progress while <c>generate</c>, <c>wait</c> or <c>download</c> runs.</summary>
internal interface IProgressView
{
    /// <summary>Runs <paramref name="body"/> while showing what it reports.</summary>
    Task<T> RunAsync<T>(Func<IProgressSink, Task<T>> body);
}

/// <summary>Receives every state of the task the SDK sees, then the download's start and end.</summary>
internal interface IProgressSink : IProgress<VideoTask>
{
    void DownloadStarted(string path);

    void DownloadFinished(string path, long bytes);
}
