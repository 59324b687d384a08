using System;
using System.Collections.Generic;

namespace LemonData.Video.Batch;

/// <summary>The ledger's counts per state, kept up to date from the changes the run records, for progress reports.</summary>
internal sealed class BatchCounts
{
    private readonly object _gate = new();
    private readonly Dictionary<VideoJobState, int> _counts;

    public BatchCounts(IReadOnlyDictionary<VideoJobState, int> start) => _counts = new Dictionary<VideoJobState, int>(start);

    public IReadOnlyDictionary<VideoJobState, int> Move(VideoJobState from, VideoJobState to)
    {
        lock (_gate)
        {
            _counts[from] = Math.Max(0, _counts.GetValueOrDefault(from) - 1);
            _counts[to] = _counts.GetValueOrDefault(to) + 1;
            return new Dictionary<VideoJobState, int>(_counts);
        }
    }
}
