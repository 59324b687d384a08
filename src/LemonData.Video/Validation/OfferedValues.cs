#nullable enable

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace LemonData.Video;

/// <summary>
/// The values a model's contract offers (durations, resolutions, aspect ratios): whether a value is one of them, the one
/// nearest to a value that is not (what a message proposes and a code fix writes), and the list as a message quotes it.
/// </summary>
internal static class OfferedValues
{
    /// <summary>Whether <paramref name="value"/> is offered. Case is ignored: <c>720P</c> is <c>720p</c> to a person, and a rule that cannot be sure stays silent.</summary>
    public static bool Contains(IReadOnlyList<string> offered, string value)
    {
        for (var i = 0; i < offered.Count; i++)
        {
            if (string.Equals(offered[i], value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The offered duration nearest to <paramref name="seconds"/> (on a tie the shorter: the cheaper clip).</summary>
    public static int Nearest(IReadOnlyList<int> offered, int seconds)
    {
        var best = offered[0];
        for (var i = 1; i < offered.Count; i++)
        {
            var distance = Math.Abs((long)offered[i] - seconds);
            var bestDistance = Math.Abs((long)best - seconds);
            if (distance < bestDistance || (distance == bestDistance && offered[i] < best))
            {
                best = offered[i];
            }
        }

        return best;
    }

    /// <summary>
    /// The offered resolution nearest to <paramref name="value"/> by its number of lines (<c>4k</c> is 2160 lines, so on a
    /// model that offers 480p and 720p it gives 720p); the first one offered when <paramref name="value"/> names no size.
    /// </summary>
    public static string NearestResolution(IReadOnlyList<string> offered, string value) =>
        NearestBy(offered, ResolutionLines(value), ResolutionLines);

    /// <summary>The offered aspect ratio nearest to <paramref name="value"/> by width over height (<c>2:1</c> gives <c>16:9</c>).</summary>
    public static string NearestAspectRatio(IReadOnlyList<string> offered, string value) =>
        NearestBy(offered, AspectRatioValue(value), AspectRatioValue);

    /// <summary>The list as a message quotes it: <c>480p, 720p</c>.</summary>
    public static string Join(IReadOnlyList<string> offered)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < offered.Count; i++)
        {
            builder.Append(i == 0 ? string.Empty : ", ").Append(offered[i]);
        }

        return builder.ToString();
    }

    /// <summary>The durations as a message quotes them: <c>4, 5, 6</c>.</summary>
    public static string Join(IReadOnlyList<int> offered)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < offered.Count; i++)
        {
            builder.Append(i == 0 ? string.Empty : ", ").Append(offered[i].ToString(CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    private static string NearestBy(IReadOnlyList<string> offered, double target, Func<string, double> measure)
    {
        if (double.IsNaN(target))
        {
            return offered[0];
        }

        var best = offered[0];
        var bestDistance = double.PositiveInfinity;
        for (var i = 0; i < offered.Count; i++)
        {
            var size = measure(offered[i]);
            var distance = double.IsNaN(size) ? double.PositiveInfinity : Math.Abs(Math.Log(size / target));
            if (distance < bestDistance)
            {
                best = offered[i];
                bestDistance = distance;
            }
        }

        return best;
    }

    // "720p" -> 720, "4k" -> 2160, "2K" -> 1440, "1920x1080" -> 1080; NaN when no size can be read.
    private static double ResolutionLines(string value)
    {
        var text = value.Trim().ToLowerInvariant();
        var times = text.IndexOf('x');
        if (times > 0 && double.TryParse(text.Substring(times + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var height) && height > 0)
        {
            return height;
        }

        var digits = 0;
        while (digits < text.Length && (char.IsDigit(text[digits]) || text[digits] == '.'))
        {
            digits++;
        }

        if (digits == 0 || !double.TryParse(text.Substring(0, digits), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number <= 0)
        {
            return double.NaN;
        }

        var unit = text.Substring(digits);
        return unit switch
        {
            "k" when number >= 8 => 4320,
            "k" when number >= 4 => 2160,
            "k" when number >= 2 => 1440,
            "k" => 1080,
            _ => number,
        };
    }

    // "16:9" -> 1.777...; NaN for "adaptive" or anything that is not two positive numbers.
    private static double AspectRatioValue(string value)
    {
        var colon = value.IndexOf(':');
        if (colon <= 0
            || !double.TryParse(value.Substring(0, colon).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var width)
            || !double.TryParse(value.Substring(colon + 1).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var height)
            || width <= 0 || height <= 0)
        {
            return double.NaN;
        }

        return width / height;
    }
}
