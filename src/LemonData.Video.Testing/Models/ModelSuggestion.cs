using System;
using System.Collections.Generic;

namespace LemonData.Video.Testing;

/// <summary>The known id closest to a mistyped one, for <c>did_you_mean</c>.</summary>
internal static class ModelSuggestion
{
    /// <summary>
    /// The id of <paramref name="models"/> with the smallest case-insensitive edit distance (the first listed on a tie),
    /// or null when there are no models.
    /// </summary>
    public static string? Closest(string model, IReadOnlyList<VideoModelInfo> models)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in models)
        {
            var distance = Distance(model, candidate.Id);
            if (distance < bestDistance)
            {
                best = candidate.Id;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static int Distance(string source, string target)
    {
        // A prompt pasted into the model field is long: its distance to any id is large, and a cap keeps this cheap.
        if (source.Length > 200)
        {
            source = source.Substring(0, 200);
        }

        var previous = new int[target.Length + 1];
        var current = new int[target.Length + 1];
        for (var j = 0; j <= target.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= source.Length; i++)
        {
            current[0] = i;
            var sourceChar = char.ToLowerInvariant(source[i - 1]);
            for (var j = 1; j <= target.Length; j++)
            {
                var cost = sourceChar == char.ToLowerInvariant(target[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[target.Length];
    }
}
