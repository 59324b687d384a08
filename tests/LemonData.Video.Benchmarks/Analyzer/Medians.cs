using System.Collections.Generic;
using System.Linq;

namespace LemonData.Video.Benchmarks.Analyzer;

/// <summary>The median of a few timings: what the alternating-run reports compare, as one slow run on a busy machine moves it least.</summary>
public static class Medians
{
    public static double Of(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
