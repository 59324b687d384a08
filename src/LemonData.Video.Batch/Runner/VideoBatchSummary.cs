using System;
using System.Collections.Generic;

namespace LemonData.Video.Batch;

/// <summary>How a run left its batch: the ledger's counts, and why it stopped where it did.</summary>
public sealed class VideoBatchSummary
{
    internal VideoBatchSummary(IReadOnlyDictionary<VideoJobState, int> counts, IReadOnlyList<string> problems)
    {
        Counts = counts;
        Problems = problems;
    }

    /// <summary>How many jobs of the ledger are in each state (every state present).</summary>
    public IReadOnlyDictionary<VideoJobState, int> Counts { get; }

    /// <summary>How many jobs the ledger holds.</summary>
    public int Total
    {
        get
        {
            var total = 0;
            foreach (var count in Counts.Values)
            {
                total += count;
            }

            return total;
        }
    }

    /// <summary>Every job is <see cref="VideoJobState.Downloaded"/>.</summary>
    public bool IsComplete => Count(VideoJobState.Downloaded) == Total;

    /// <summary>
    /// No job is left that a run could still move on its own or that waits for a person's decision about its money:
    /// none Planned, Submitting, Created, Completed or OutcomeUnknown. Failed and Refused jobs are finished (they need a
    /// new key, or <see cref="VideoBatchOptions.RetryRefused"/>).
    /// </summary>
    public bool IsFinished =>
        Count(VideoJobState.Planned) + Count(VideoJobState.Submitting) + Count(VideoJobState.Created)
        + Count(VideoJobState.Completed) + Count(VideoJobState.OutcomeUnknown) == 0;

    /// <summary>Why the run stopped sending creates early, if it did.</summary>
    public VideoBatchStopReason StopReason { get; init; }

    /// <summary>The service's message for <see cref="StopReason"/>.</summary>
    public string? StopMessage { get; init; }

    /// <summary>A 402: the balance the service reported, in US dollars.</summary>
    public decimal? BalanceUsd { get; init; }

    /// <summary>A 402: what the refused video would have cost, in US dollars, as the service estimated it.</summary>
    public decimal? EstimatedCostUsd { get; init; }

    /// <summary>How many creates this run sent (each reached, or may have reached, the service).</summary>
    public int CreatesSent { get; init; }

    /// <summary>How many jobs this run found Submitting (left by a run that died mid-create) and made <see cref="VideoJobState.OutcomeUnknown"/>.</summary>
    public int InterruptedSubmissions { get; init; }

    /// <summary>
    /// What kept jobs from moving on this run, one line each (a wait that timed out, a download that failed, ...): they
    /// stay where they are and the next run takes them up. The last ones only, when there were many.
    /// </summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>How long the run took.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>The number of jobs in <paramref name="state"/>.</summary>
    public int Count(VideoJobState state) => Counts.TryGetValue(state, out var count) ? count : 0;

    /// <inheritdoc />
    public override string ToString()
    {
        var parts = new List<string>();
        foreach (var pair in Counts)
        {
            if (pair.Value > 0)
            {
                parts.Add(pair.Key + " " + pair.Value);
            }
        }

        return (IsComplete ? "complete" : IsFinished ? "finished" : "not finished") + ": " + string.Join(", ", parts)
            + (StopReason == VideoBatchStopReason.None ? string.Empty : " (stopped: " + StopReason + ")");
    }
}
