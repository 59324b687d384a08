using System.Linq;
using System.Threading.Tasks;
using LemonData.Video.Batch.Tests.Support;
using LemonData.Video.Testing;

namespace LemonData.Video.Batch.Tests.Runner;

/// <summary>Progress: every change of every job, in its order, once recorded, with counts that add up.</summary>
public class ProgressTests
{
    [Fact]
    public async Task Each_job_reports_Submitting_Created_Completed_Downloaded_in_order_and_the_last_counts_are_the_ledgers()
    {
        using var folder = new TempFolder();
        await using var simulator = LemonDataSimulator.Start();
        await using var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath);
        var progress = new RecordingBatchProgress();

        var summary = await new VideoBatchRunner(BatchClients.For(simulator), ledger, new VideoBatchOptions { MaxConcurrentTasks = 3 })
            .RunAsync(TestJobs.Many(folder.Path, 9), progress);

        var seen = progress.Seen;
        foreach (var job in seen.GroupBy(change => change.JobKey))
        {
            Assert.Equal(
                new[] { VideoJobState.Submitting, VideoJobState.Created, VideoJobState.Completed, VideoJobState.Downloaded },
                job.Select(change => change.State));
            Assert.All(job.Skip(1), change => Assert.StartsWith("ldtask_", change.TaskId));
        }

        Assert.Equal(9, seen.Select(change => change.JobKey).Distinct().Count());
        // A task is in flight from its create to the download of its video; a job's last record (Downloaded) may come after
        // its slot went to the next job, while its file was put on the disk.
        Assert.All(seen.Where(change => change.State != VideoJobState.Downloaded), change => Assert.InRange(change.TasksInFlight, 1, 3));
        Assert.All(seen.Where(change => change.State == VideoJobState.Downloaded), change => Assert.InRange(change.TasksInFlight, 0, 3));
        Assert.Equal(9, seen.Max(change => change.CreatesSent));
        Assert.Equal(9, seen.Max(change => change.Counts[VideoJobState.Downloaded]));
        Assert.All(seen, change => Assert.Equal(9, change.Counts.Values.Sum()));
        Assert.Equal(summary.Counts.OrderBy(pair => pair.Key), (await ledger.CountAsync()).OrderBy(pair => pair.Key));
    }
}
