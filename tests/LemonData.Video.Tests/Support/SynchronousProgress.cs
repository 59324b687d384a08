using System;

namespace LemonData.Video.Tests.Support;

/// <summary>An <see cref="IProgress{T}"/> that reports on the calling thread (Progress&lt;T&gt; posts, which races assertions).</summary>
public sealed class SynchronousProgress<T> : IProgress<T>
{
    private readonly Action<T> _report;

    public SynchronousProgress(Action<T> report) => _report = report;

    public void Report(T value)
    {
        lock (_report)
        {
            _report(value);
        }
    }
}
