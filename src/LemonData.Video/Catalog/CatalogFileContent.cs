#nullable enable

using System;
using System.Collections.Generic;

namespace LemonData.Video;

/// <summary>What a catalog file holds once read: its usable entries, and what could not be used.</summary>
internal sealed class CatalogFileContent
{
    public CatalogFileContent(List<VideoModelInfo> models, List<CatalogFileProblem> problems, string? source, DateTimeOffset? syncedAt)
    {
        Models = models;
        Problems = problems;
        Source = source;
        SyncedAt = syncedAt;
    }

    /// <summary>The entries that were read whole, in the file's order; a bad entry is not among them.</summary>
    public List<VideoModelInfo> Models { get; }

    /// <summary>Every problem, in the file's order.</summary>
    public List<CatalogFileProblem> Problems { get; }

    /// <summary>True when the file could not be used at all (not JSON, unknown <c>format</c>, no <c>models</c> list).</summary>
    public bool IsUnusable
    {
        get
        {
            foreach (var problem in Problems)
            {
                if (!problem.SkipsEntry)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The <c>source</c> member: where the file was synced from.</summary>
    public string? Source { get; }

    /// <summary>The <c>synced_at</c> member.</summary>
    public DateTimeOffset? SyncedAt { get; }
}
