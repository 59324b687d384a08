using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace LemonData.Video;

/// <summary>
/// Reads the lists of a model's request contract as the service sends them, leniently: their element types drift
/// between pages (durations as <c>5</c>, <c>"5"</c> or <c>"5s"</c>), so they arrive as raw JSON. A list that is not an
/// array, holds an element that cannot be read, or is empty is unknown (<see langword="null"/>): a wrong list would
/// refuse requests the service accepts, and an unknown one only checks nothing.
/// </summary>
internal static class ModelContractLists
{
    /// <summary>Whether the service gave this list here at all (present and not JSON null): the first place that does decides it.</summary>
    public static bool IsGiven(JsonElement? list) =>
        list is { } element && element.ValueKind != JsonValueKind.Null && element.ValueKind != JsonValueKind.Undefined;

    /// <summary>Clip lengths in whole seconds, each within the API's range; duplicates dropped.</summary>
    public static List<int>? ReadDurations(JsonElement? list)
    {
        if (list is not { ValueKind: JsonValueKind.Array } array)
        {
            return null;
        }

        var durations = new List<int>();
        foreach (var item in array.EnumerateArray())
        {
            if (!TryReadSeconds(item, out var seconds))
            {
                return null;
            }

            if (!durations.Contains(seconds))
            {
                durations.Add(seconds);
            }
        }

        return durations.Count == 0 ? null : durations;
    }

    /// <summary>Non-empty strings, trimmed; duplicates dropped. A number where a string is expected is not guessed at.</summary>
    public static List<string>? ReadStrings(JsonElement? list)
    {
        if (list is not { ValueKind: JsonValueKind.Array } array)
        {
            return null;
        }

        var values = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            var text = item.ValueKind == JsonValueKind.String ? item.GetString()?.Trim() : null;
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            if (!values.Contains(text!))
            {
                values.Add(text!);
            }
        }

        return values.Count == 0 ? null : values;
    }

    // 5, 5.0, "5", "5s", "5 s", "5 sec", "5 seconds"; anything else (5.5, "five", "5-10") cannot be read.
    private static bool TryReadSeconds(JsonElement item, out int seconds)
    {
        seconds = 0;
        switch (item.ValueKind)
        {
            case JsonValueKind.Number:
                if (!item.TryGetDouble(out var number) || number != Math.Floor(number) || number < VideoLimits.MinDuration || number > VideoLimits.MaxDuration)
                {
                    return false;
                }

                seconds = (int)number;
                return true;
            case JsonValueKind.String:
                return TryParseSeconds(item.GetString(), out seconds);
            default:
                return false;
        }
    }

    private static bool TryParseSeconds(string? text, out int seconds)
    {
        seconds = 0;
        var value = text?.Trim() ?? string.Empty;
        var digits = 0;
        while (digits < value.Length && value[digits] >= '0' && value[digits] <= '9')
        {
            digits++;
        }

        if (digits == 0 || digits > 3)
        {
            return false;
        }

        var unit = value.Substring(digits).Trim();
        if (unit.Length > 0 && !IsSecondsUnit(unit))
        {
            return false;
        }

        seconds = int.Parse(value.Substring(0, digits), NumberStyles.None, CultureInfo.InvariantCulture);
        return seconds >= VideoLimits.MinDuration && seconds <= VideoLimits.MaxDuration;
    }

    private static bool IsSecondsUnit(string unit) =>
        string.Equals(unit, "s", StringComparison.OrdinalIgnoreCase)
        || string.Equals(unit, "sec", StringComparison.OrdinalIgnoreCase)
        || string.Equals(unit, "secs", StringComparison.OrdinalIgnoreCase)
        || string.Equals(unit, "second", StringComparison.OrdinalIgnoreCase)
        || string.Equals(unit, "seconds", StringComparison.OrdinalIgnoreCase);
}
