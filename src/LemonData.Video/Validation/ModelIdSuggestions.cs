#nullable enable

using System;
using System.Collections.Generic;

namespace LemonData.Video;

/// <summary>Finds the catalog id a mistyped model id was most likely meant to be.</summary>
internal static class ModelIdSuggestions
{
    /// <summary>
    /// The catalog id with the smallest case-insensitive edit distance to <paramref name="id"/>; on a tie the
    /// one listed first, so the order of the OpenAPI document decides (for example <c>veo31</c> gives
    /// <c>veo3.1</c>, not <c>veo3</c>).
    /// </summary>
    public static string FindClosest(string id) =>
        FindClosest(id, VideoCapabilities.None, family: null) ?? VideoModelCatalog.All[0].Id;

    /// <summary>
    /// The id of <paramref name="candidates"/> closest to <paramref name="id"/> (on a tie the one listed first), or null
    /// when there is none: for ids only the service or a catalog file knows.
    /// </summary>
    public static string? FindClosest(string id, IReadOnlyList<string> candidates)
    {
        id ??= string.Empty;
        var longest = 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            longest = Math.Max(longest, candidates[i].Length);
        }

        var previous = new int[longest + 1];
        var current = new int[longest + 1];
        string? best = null;
        var bestDistance = int.MaxValue;
        for (var i = 0; i < candidates.Count; i++)
        {
            var distance = Distance(id, candidates[i], previous, current, bestDistance);
            if (distance < bestDistance)
            {
                best = candidates[i];
                bestDistance = distance;
                if (distance == 0)
                {
                    break;
                }
            }
        }

        return best;
    }

    /// <summary>
    /// Like <see cref="FindClosest(string)"/>, among the models that have every capability in
    /// <paramref name="required"/> and, when given, belong to <paramref name="family"/>; <see langword="null"/>
    /// when none does. Used to name a model's twin, for example <c>seedance-1-0-lite-t2v</c> for
    /// <c>seedance-1-0-lite-i2v</c>.
    /// </summary>
    public static string? FindClosest(string id, VideoCapabilities required, string? family)
    {
        id ??= string.Empty;
        var models = VideoModelCatalog.All;

        // Two rows sized by the longest catalog id, reused for every candidate: the user's string may be
        // long (a prompt pasted into Model) but the ids are short, so memory stays constant whatever its length.
        var longest = 0;
        for (var i = 0; i < models.Count; i++)
        {
            longest = Math.Max(longest, models[i].Id.Length);
        }

        var previous = new int[longest + 1];
        var current = new int[longest + 1];

        string? best = null;
        var bestDistance = int.MaxValue;
        for (var i = 0; i < models.Count; i++)
        {
            if (!models[i].Supports(required) || (family is not null && models[i].Family != family))
            {
                continue;
            }

            var candidate = models[i].Id;
            var distance = Distance(id, candidate, previous, current, bestDistance);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
                if (distance == 0)
                {
                    break;
                }
            }
        }

        return best;
    }

    /// <summary>
    /// Levenshtein distance, ignoring case, or any value not below <paramref name="giveUpAt"/> once the
    /// candidate can no longer beat the best so far.
    /// </summary>
    private static int Distance(string source, string candidate, int[] previous, int[] current, int giveUpAt)
    {
        var width = candidate.Length;
        for (var j = 0; j <= width; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= source.Length; i++)
        {
            var sourceChar = char.ToLowerInvariant(source[i - 1]);
            current[0] = i;
            var rowMinimum = current[0];
            for (var j = 1; j <= width; j++)
            {
                var cost = sourceChar == char.ToLowerInvariant(candidate[j - 1]) ? 0 : 1;
                var value = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }

            // Every later row is at least this row's minimum, so a hopeless candidate stops here.
            if (rowMinimum >= giveUpAt)
            {
                return rowMinimum;
            }

            var swap = previous;
            previous = current;
            current = swap;
        }

        return previous[width];
    }
}
