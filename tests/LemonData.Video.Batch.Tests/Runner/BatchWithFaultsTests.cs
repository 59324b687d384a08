using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LemonData.Video.Batch.Tests.Support;
using LemonData.Video.Testing;

namespace LemonData.Video.Batch.Tests.Runner;

/// <summary>A batch of 120 jobs through a service that misbehaves, run until it finishes.</summary>
public class BatchWithFaultsTests
{
    [Fact]
    public async Task Every_job_ends_as_its_faults_say_each_created_once_and_every_file_is_the_video_served()
    {
        using var folder = new TempFolder();
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { PollsPerStage = 1 });
        var client = BatchClients.For(simulator);
        const int JobCount = 120;
        var jobs = TestJobs.Many(folder.Path, JobCount);

        // Creates: two whose answer is a 503 (outcome unknown), one paced by a 429, one task that fails. Polls: garbled and
        // cut answers. Downloads: connections dropped mid-body. Both: random 5xx and 429. The client retries or continues
        // each. (Not the random plan's garbled or cut downloads: they are 200s whose body is overwritten, or complete but
        // short by their own Content-Length, which no client can tell from the video since the service gives no checksum.)
        simulator.Script.ServerErrorNext(2, 503, SimulatorTarget.Create);
        simulator.Script.RateLimitNext(1, TimeSpan.FromMilliseconds(50), SimulatorTarget.Create);
        simulator.Script.FailNextTask("Content policy violation", "content_policy_violation");
        simulator.Script.GarbleNext(3, SimulatorTarget.Poll);
        simulator.Script.TruncateNext(3, target: SimulatorTarget.Poll);
        simulator.Script.GarbleNext(3, SimulatorTarget.Download);
        simulator.Script.TruncateNext(3, breakOffConnection: true, target: SimulatorTarget.Download);
        simulator.Script.InjectFaults(new SimulatorFaultPlan(
            0.08,
            seed: 17,
            SimulatorFaultKind.ServerError,
            SimulatorFaultKind.RateLimit)
        {
            Target = SimulatorTarget.Poll | SimulatorTarget.Download,
            MinRetryAfter = TimeSpan.FromMilliseconds(5),
            MaxRetryAfter = TimeSpan.FromMilliseconds(20),
        });

        VideoBatchSummary summary;
        var runs = 0;
        do
        {
            await using var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath);
            summary = await new VideoBatchRunner(client, ledger, new VideoBatchOptions { MaxConcurrentTasks = 6 }).RunAsync(jobs);
            runs++;
        }
        while (summary.Count(VideoJobState.Created) + summary.Count(VideoJobState.Completed) > 0 && runs < 4);

        Assert.Equal(JobCount, summary.Total);
        Assert.Equal(2, summary.Count(VideoJobState.OutcomeUnknown));
        Assert.Equal(1, summary.Count(VideoJobState.Failed));
        Assert.Equal(JobCount - 3, summary.Count(VideoJobState.Downloaded));
        Assert.True(simulator.InjectedFaults.Count > 20, "the faults were exercised: " + simulator.InjectedFaults.Count);

        // Each job was created at most once, and every task the service made is in the ledger.
        var created = simulator.CreatedTasks;
        Assert.Equal(JobCount - 2, created.Count);
        Assert.Equal(created.Count, created.Select(TestJobs.PromptOf).Distinct().Count());
        var ledgerJobs = await LedgerContents.AllAsync(folder.LedgerPath);
        var byPrompt = ledgerJobs.ToDictionary(job => job.Request.Prompt);
        foreach (var create in created)
        {
            Assert.Equal(create.CreatedTaskId, byPrompt[TestJobs.PromptOf(create)].TaskId);
        }

        // Every file saved is byte for byte the video the simulator served, with the size and SHA-256 recorded.
        var served = LemonDataSimulator.SampleVideo.ToArray();
        var servedSha = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(served)).ToLowerInvariant();
        foreach (var job in ledgerJobs.Where(job => job.State == VideoJobState.Downloaded))
        {
            var file = Assert.Single(job.Files);
            Assert.Equal(Path.GetFullPath(job.OutputPath), file.Path);
            Assert.Equal(served, File.ReadAllBytes(file.Path));
            Assert.Equal(served.Length, file.Bytes);
            Assert.Equal(servedSha, file.Sha256);
        }

        // Nothing half-written is left beside the videos.
        Assert.Empty(Directory.GetFiles(Path.Combine(folder.Path, "videos"), "*.part", SearchOption.AllDirectories));

        // Run again: nothing is sent, nothing is polled, nothing is downloaded.
        simulator.Script.Clear();
        var requestsBefore = simulator.Requests.Count;
        await using (var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath))
        {
            var again = await new VideoBatchRunner(client, ledger).RunAsync(jobs);
            Assert.Equal(0, again.CreatesSent);
            Assert.Equal(JobCount - 3, again.Count(VideoJobState.Downloaded));
            Assert.False(again.IsComplete);

            // The two jobs of unknown outcome wait for a person: the batch is not finished until they decide.
            Assert.False(again.IsFinished);
            Assert.Equal(2, again.Count(VideoJobState.OutcomeUnknown));
        }

        Assert.Equal(requestsBefore, simulator.Requests.Count);
    }
}
