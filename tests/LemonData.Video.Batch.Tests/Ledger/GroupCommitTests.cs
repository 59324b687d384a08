using System;
using System.Linq;
using System.Threading.Tasks;
using LemonData.Video.Batch.Tests.Support;

namespace LemonData.Video.Batch.Tests.Ledger;

/// <summary>Changes recorded at once share a transaction and a sync, and still succeed or fail one by one.</summary>
public class GroupCommitTests
{
    [Fact]
    public async Task Changes_recorded_at_once_are_all_on_disk_and_a_refused_one_fails_alone()
    {
        using var folder = new TempFolder();
        const int Jobs = 200;
        await using (var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath))
        {
            await ledger.PlanAsync(TestJobs.Many(folder.Path, Jobs));

            // Every fifth change is one its job's state does not allow (a task id for a job never sent).
            var recording = Enumerable.Range(1, Jobs).Select(i => (Index: i, Task: i % 5 == 0
                ? ledger.RecordAsync(VideoJobChange.Created(TestJobs.Key(i), "ldtask_" + i))
                : ledger.RecordAsync(VideoJobChange.Submitting(TestJobs.Key(i))))).ToList();

            foreach (var (index, task) in recording)
            {
                if (index % 5 == 0)
                {
                    var refused = await Assert.ThrowsAsync<VideoJobLedgerException>(() => task);
                    Assert.Contains(TestJobs.Key(index), refused.Message, StringComparison.Ordinal);
                    Assert.Contains("Planned", refused.Message, StringComparison.Ordinal);
                }
                else
                {
                    var recorded = await task;
                    Assert.Equal(TestJobs.Key(index), recorded.Key);
                    Assert.Equal(VideoJobState.Submitting, recorded.State);
                }
            }
        }

        // Reopened: exactly the allowed changes are there.
        await using var reopened = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath);
        var counts = await reopened.CountAsync();
        Assert.Equal(Jobs * 4 / 5, counts[VideoJobState.Submitting]);
        Assert.Equal(Jobs / 5, counts[VideoJobState.Planned]);
        Assert.Equal(0, counts[VideoJobState.Created]);
    }

    [Fact]
    public async Task A_change_whose_token_is_already_cancelled_is_not_recorded()
    {
        using var folder = new TempFolder();
        await using var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath);
        await ledger.PlanAsync(TestJobs.Many(folder.Path, 1));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ledger.RecordAsync(VideoJobChange.Submitting(TestJobs.Key(1)), new System.Threading.CancellationToken(canceled: true)));

        Assert.Equal(VideoJobState.Planned, (await ledger.FindAsync(TestJobs.Key(1)))!.State);
    }
}
