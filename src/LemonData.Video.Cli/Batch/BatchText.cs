using System;
using System.Collections.Generic;
using System.Globalization;
using LemonData.Video.Batch;

namespace LemonData.Video.Cli.Batch;

/// <summary>How a batch's numbers read in one line: the non-zero counts in the states' own order, and the elapsed time.</summary>
internal static class BatchText
{
    public static string Counts(IReadOnlyDictionary<VideoJobState, int> counts)
    {
        var parts = new List<string>();
        foreach (var state in Enum.GetValues<VideoJobState>())
        {
            if (counts.TryGetValue(state, out var count) && count > 0)
            {
                parts.Add(state + " " + count.ToString(CultureInfo.InvariantCulture));
            }
        }

        return parts.Count == 0 ? "no jobs" : string.Join(", ", parts);
    }

    public static int Total(IReadOnlyDictionary<VideoJobState, int> counts)
    {
        var total = 0;
        foreach (var count in counts.Values)
        {
            total += count;
        }

        return total;
    }

    public static string Elapsed(TimeSpan elapsed) =>
        elapsed.ToString(elapsed.TotalHours >= 1 ? @"h\:mm\:ss" : @"mm\:ss", CultureInfo.InvariantCulture);

    /// <summary>The states that leave a person something to decide, and what.</summary>
    public static string? WhatToDo(VideoJobState state) => state switch
    {
        VideoJobState.OutcomeUnknown => "the create may have made a paid task: check the account's tasks, then run again with --resubmit-unknown only if none was made",
        VideoJobState.Refused => "the service refused this job: fix it and give it a new id, or run again with --retry-refused",
        VideoJobState.Failed => "the task failed on the service: give the job a new id to try again",
        _ => null,
    };
}
