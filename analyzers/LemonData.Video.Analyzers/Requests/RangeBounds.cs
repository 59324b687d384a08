using System.Collections.Immutable;
using System.Globalization;

namespace LemonData.Video.Analyzers.Requests;

/// <summary>The bound a clamp fix moves an out-of-range value to.</summary>
internal static class RangeBounds
{
    /// <summary>
    /// <see cref="DiagnosticProperties.NearestBound"/> for <paramref name="value"/>, or null for NaN, which is
    /// nearer to neither bound.
    /// </summary>
    public static ImmutableDictionary<string, string?>? NearestBoundProperties(double value, double min, double max)
    {
        if (double.IsNaN(value))
        {
            return null;
        }

        var bound = value < min ? min : max;
        return ImmutableDictionary<string, string?>.Empty
            .Add(DiagnosticProperties.NearestBound, bound.ToString("R", CultureInfo.InvariantCulture));
    }
}
