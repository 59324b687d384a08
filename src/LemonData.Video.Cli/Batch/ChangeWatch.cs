using System;
using System.Threading;
using LemonData.Video.Batch;

namespace LemonData.Video.Cli.Batch;

/// <summary>Passes each recorded change on, and remembers that one was: a ledger failing after that failed mid-run.</summary>
internal sealed class ChangeWatch : IProgress<VideoBatchProgress>
{
    private readonly IProgress<VideoBatchProgress> _inner;
    private int _seen;

    public ChangeWatch(IProgress<VideoBatchProgress> inner) => _inner = inner;

    public bool Seen => Volatile.Read(ref _seen) != 0;

    public void Report(VideoBatchProgress value)
    {
        Volatile.Write(ref _seen, 1);
        _inner.Report(value);
    }
}
