using System;
using System.Collections.Generic;

namespace LemonData.Video.Batch;

/// <summary>One change of one job of a running batch, with the batch's counts after it.</summary>
public sealed class VideoBatchProgress
{
    internal VideoBatchProgress(string jobKey, VideoJobState state, IReadOnlyDictionary<VideoJobState, int> counts)
    {
        JobKey = jobKey;
        State = state;
        Counts = counts;
    }

    /// <summary>The job that changed.</summary>
    public string JobKey { get; }

    /// <summary>Its new state, already recorded in the ledger.</summary>
    public VideoJobState State { get; }

    /// <summary>Its task id, when known.</summary>
    public string? TaskId { get; init; }

    /// <summary>Why, when it needs saying (the service's message, what was lost).</summary>
    public string? Message { get; init; }

    /// <summary>How many jobs of the ledger are in each state now.</summary>
    public IReadOnlyDictionary<VideoJobState, int> Counts { get; }

    /// <summary>How many jobs are between their create and their saved file right now.</summary>
    public int TasksInFlight { get; init; }

    /// <summary>How many creates this run has sent so far.</summary>
    public int CreatesSent { get; init; }

    /// <summary>Time since the run began.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <inheritdoc />
    public override string ToString() => JobKey + ": " + State + (TaskId is null ? string.Empty : " (task " + TaskId + ")");
}
