using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LemonData.Video.Batch.Tests.Support;
using LemonData.Video.Testing;

namespace LemonData.Video.Batch.Tests.Runner;

/// <summary>A Completed job of an earlier run: downloaded without a create or a poll, its task read again only for a URL that fails.</summary>
public class CompletedResumeTests
{
    [Fact]
    public async Task A_Completed_job_is_downloaded_from_its_stored_URL_without_a_create_or_a_poll()
    {
        using var folder = new TempFolder();
        await using var simulator = LemonDataSimulator.Start();
        var client = BatchClients.For(simulator);
        var job = TestJobs.One(folder.Path, 1);
        var done = await client.GenerateVideoAsync(job.Request);
        await RecordCompletedAsync(folder, job, done.Id, done.VideoUrl!);
        var requestsBefore = simulator.Requests.Count;

        await using var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath);
        var summary = await new VideoBatchRunner(client, ledger).RunAsync(new[] { job });

        Assert.True(summary.IsComplete, summary.ToString());
        var after = simulator.Requests.Skip(requestsBefore).ToList();
        Assert.Equal(new[] { "GET /files/" + done.Id + ".mp4" }, after.Select(request => request.Method + " " + request.Path));
        Assert.Equal(LemonDataSimulator.SampleVideo.ToArray(), File.ReadAllBytes(job.OutputPath));
    }

    [Fact]
    public async Task A_stored_URL_that_no_longer_works_is_replaced_by_the_tasks_fresh_one()
    {
        using var folder = new TempFolder();
        await using var simulator = LemonDataSimulator.Start();
        var client = BatchClients.For(simulator);
        var job = TestJobs.One(folder.Path, 1);
        var done = await client.GenerateVideoAsync(job.Request);

        // As if the CDN link had expired: the simulator has no such file (404).
        var expired = new Uri(simulator.Endpoint, "/files/expired-" + done.Id + ".mp4").ToString();
        await RecordCompletedAsync(folder, job, done.Id, expired);

        await using var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath);
        var summary = await new VideoBatchRunner(client, ledger).RunAsync(new[] { job });

        Assert.True(summary.IsComplete, summary.ToString());
        var record = (await ledger.FindAsync(job.Key))!;
        Assert.Equal(new[] { done.VideoUrl! }, record.OutputUrls);
        Assert.Equal(LemonDataSimulator.SampleVideo.ToArray(), File.ReadAllBytes(job.OutputPath));
        Assert.Equal(1, simulator.CreatesReceived);
    }

    private static async Task RecordCompletedAsync(TempFolder folder, VideoJob job, string taskId, string url)
    {
        await using var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath);
        await ledger.PlanAsync(new[] { job });
        await ledger.RecordAsync(VideoJobChange.Submitting(job.Key));
        await ledger.RecordAsync(VideoJobChange.Created(job.Key, taskId));
        await ledger.RecordAsync(VideoJobChange.Completed(job.Key, new[] { url }));
    }
}
