using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace LemonData.Video.Cli.Tests.Processes;

/// <summary>The document <c>batch status --json</c> writes, read back.</summary>
internal sealed record BatchStatus(IReadOnlyDictionary<string, int> Counts, IReadOnlyDictionary<string, BatchStatusJob> Jobs)
{
    /// <summary>Jobs a run can still move on its own (neither done nor waiting for a person).</summary>
    public int Unfinished => Counts["Planned"] + Counts["Submitting"] + Counts["Created"] + Counts["Completed"];

    public static BatchStatus From(JsonElement document) => new(
        document.GetProperty("counts").EnumerateObject().ToDictionary(count => count.Name, count => count.Value.GetInt32()),
        document.GetProperty("jobs").EnumerateArray().ToDictionary(
            job => job.GetProperty("id").GetString()!,
            job => new BatchStatusJob(
                job.GetProperty("state").GetString()!,
                job.GetProperty("task_id").GetString(),
                job.GetProperty("file").GetString()!,
                job.GetProperty("sha256").GetString(),
                job.GetProperty("error").GetString())));
}

internal sealed record BatchStatusJob(string State, string? TaskId, string File, string? Sha256, string? Error);
