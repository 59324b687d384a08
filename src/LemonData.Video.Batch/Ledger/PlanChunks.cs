using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace LemonData.Video.Batch;

/// <summary>
/// How every ledger plans: the jobs read as they come, in chunks of one transaction each, so that a long input is neither
/// one huge transaction nor a commit (and a sync) per job, and never a list in memory.
/// </summary>
internal static class PlanChunks
{
    public const int Size = 500;

    /// <returns>How many jobs the chunks added, as <paramref name="addChunk"/> counted them.</returns>
    public static async Task<int> AddAsync(IEnumerable<VideoJob> jobs, Func<List<VideoJob>, Task<int>> addChunk)
    {
        if (jobs is null)
        {
            throw new ArgumentNullException(nameof(jobs));
        }

        var added = 0;
        var chunk = new List<VideoJob>(Size);
        foreach (var job in jobs)
        {
            chunk.Add(job ?? throw new ArgumentException("The jobs must not contain null.", nameof(jobs)));
            if (chunk.Count == Size)
            {
                added += await addChunk(chunk).ConfigureAwait(false);
                chunk.Clear();
            }
        }

        if (chunk.Count > 0)
        {
            added += await addChunk(chunk).ConfigureAwait(false);
        }

        return added;
    }
}
