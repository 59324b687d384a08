using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace LemonData.Video.Batch.Tests.Support;

/// <summary>An IProgress that records synchronously (Progress&lt;T&gt; posts to a context and may report late).</summary>
internal sealed class RecordingBatchProgress : IProgress<VideoBatchProgress>
{
    private readonly ConcurrentQueue<VideoBatchProgress> _seen = new();

    public IReadOnlyList<VideoBatchProgress> Seen => _seen.ToArray();

    public void Report(VideoBatchProgress value) => _seen.Enqueue(value);
}
