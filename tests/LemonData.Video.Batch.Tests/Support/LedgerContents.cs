using System.Collections.Generic;
using System.Threading.Tasks;

namespace LemonData.Video.Batch.Tests.Support;

internal static class LedgerContents
{
    /// <summary>Every job of a ledger, read page by page as the runner reads it.</summary>
    public static async Task<List<VideoJobRecord>> AllAsync(IVideoJobLedger ledger)
    {
        var all = new List<VideoJobRecord>();
        long after = 0;
        while (true)
        {
            var page = await ledger.ReadPageAsync(null, after, 50);
            all.AddRange(page);
            if (page.Count < 50)
            {
                return all;
            }

            after = page[^1].Sequence;
        }
    }

    public static async Task<List<VideoJobRecord>> AllAsync(string path)
    {
        await using var ledger = await SqliteVideoJobLedger.OpenAsync(path);
        return await AllAsync(ledger);
    }
}
