using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LemonData.Video.Batch.Tests.Support;
using LemonData.Video.Testing;
using Xunit.Abstractions;

namespace LemonData.Video.Batch.Tests.Runner;

/// <summary>
/// Runs stopped at random instants (a cancellation with no grace for creates on their way, or the process "dying" just
/// before or just after a ledger write), then resumed by a new runner on the same file, until the batch finishes.
/// </summary>
public class CrashAndResumeTests
{
    private readonly ITestOutputHelper _output;

    public CrashAndResumeTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task No_job_is_created_twice_and_every_task_the_service_made_is_in_the_ledger_or_its_job_is_OutcomeUnknown()
    {
        using var folder = new TempFolder();
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { PollsPerStage = 2 });
        var client = BatchClients.For(simulator);
        const int JobCount = 110;
        var jobs = TestJobs.Many(folder.Path, JobCount);
        var random = new Random(20261205);
        var options = new VideoBatchOptions { MaxConcurrentTasks = 6, CreateGracePeriod = TimeSpan.Zero };

        // Some creates answered slowly, so that stops land while creates are on their way.
        simulator.Script.InjectFaults(new SimulatorFaultPlan(0.15, seed: 5, SimulatorFaultKind.SlowAnswer)
        {
            Target = SimulatorTarget.Create,
            SlowAnswerDelay = TimeSpan.FromMilliseconds(30),
        });

        var stops = 0;
        var crashes = 0;
        VideoBatchSummary? summary = null;
        for (var attempt = 0; attempt < 41; attempt++)
        {
            // Forty runs stopped at random (some end before their stop comes), then one left to finish.
            var lastAttempt = attempt == 40;
            await using var sqlite = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath);
            IVideoJobLedger ledger = sqlite;
            using var stop = new CancellationTokenSource();
            if (!lastAttempt)
            {
                if (random.Next(2) == 0)
                {
                    ledger = new CrashingLedger(sqlite, crashAt: 1 + random.Next(40), afterWrite: random.Next(2) == 0);
                }
                else
                {
                    stop.CancelAfter(TimeSpan.FromMilliseconds(5 + random.Next(120)));
                }
            }

            try
            {
                summary = await new VideoBatchRunner(client, ledger, options).RunAsync(jobs, cancellationToken: stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                stops++;
            }
            catch (SimulatedCrashException)
            {
                crashes++;
            }
        }

        Assert.NotNull(summary);
        Assert.True(summary!.IsFinished || summary.Count(VideoJobState.OutcomeUnknown) > 0, summary.ToString());
        _output.WriteLine($"{stops} cancellations, {crashes} crashes; {summary}; {simulator.CreatesReceived} creates received, {simulator.CreatedTasks.Count} tasks made");
        Assert.True(stops + crashes >= 15, $"the runs were stopped often enough: {stops} cancellations, {crashes} crashes");

        var ledgerJobs = await LedgerContents.AllAsync(folder.LedgerPath);
        Assert.Equal(JobCount, ledgerJobs.Count);
        var byPrompt = ledgerJobs.ToDictionary(job => job.Request.Prompt);

        // Never twice: at most one create per job reached the service (refused or not), since none was ever re-sent.
        var creates = simulator.Requests.Where(request => request.Method == "POST" && request.Path == "/v1/videos/generations").ToList();
        var repeated = creates.GroupBy(TestJobs.PromptOf).Where(group => group.Count() > 1).Select(group => group.Key).ToList();
        Assert.Empty(repeated);

        // Every task the service made is the task of its job in the ledger, or its job is OutcomeUnknown.
        var lost = 0;
        foreach (var made in simulator.CreatedTasks)
        {
            var job = byPrompt[TestJobs.PromptOf(made)];
            if (job.TaskId != made.CreatedTaskId)
            {
                Assert.Equal(VideoJobState.OutcomeUnknown, job.State);
                lost++;
            }
        }

        // And the other way: every task id in the ledger is one the service made.
        var made_ = simulator.CreatedTasks.Select(made => made.CreatedTaskId).ToHashSet();
        Assert.All(ledgerJobs.Where(job => job.TaskId is not null), job => Assert.Contains(job.TaskId, made_));

        // Every job is Downloaded (with the served bytes) or OutcomeUnknown; none is left half-way.
        var served = LemonDataSimulator.SampleVideo.ToArray();
        foreach (var job in ledgerJobs)
        {
            Assert.True(job.State is VideoJobState.Downloaded or VideoJobState.OutcomeUnknown, job + " " + job.Error);
            if (job.State == VideoJobState.Downloaded)
            {
                Assert.Equal(served, File.ReadAllBytes(Assert.Single(job.Files).Path));
            }
        }

        _output.WriteLine($"{lost} tasks made whose answer was lost; {summary.Count(VideoJobState.OutcomeUnknown)} jobs OutcomeUnknown");
        Assert.Empty(Directory.GetFiles(Path.Combine(folder.Path, "videos"), "*.part", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData(SimulatedApiGeneration.A)]
    [InlineData(SimulatedApiGeneration.C)]
    public async Task A_job_left_Submitting_becomes_OutcomeUnknown_and_is_not_sent_while_a_Created_job_is_resumed_by_its_task_id(SimulatedApiGeneration generation)
    {
        using var folder = new TempFolder();
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { Generation = generation });
        var client = BatchClients.For(simulator);
        var jobs = TestJobs.Many(folder.Path, 3);

        // A task made before a crash: the ledger has its id, nothing more.
        var existing = await client.CreateVideoAsync(jobs[1].Request);
        await using (var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath))
        {
            await ledger.PlanAsync(jobs);
            await ledger.RecordAsync(VideoJobChange.Submitting(jobs[0].Key));
            await ledger.RecordAsync(VideoJobChange.Submitting(jobs[1].Key));
            await ledger.RecordAsync(VideoJobChange.Created(jobs[1].Key, existing.Id));
        }

        var createsBefore = simulator.CreatesReceived;
        VideoBatchSummary summary;
        await using (var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath))
        {
            summary = await new VideoBatchRunner(client, ledger).RunAsync(jobs);
        }

        Assert.Equal(1, summary.InterruptedSubmissions);
        Assert.Equal(1, summary.CreatesSent);
        Assert.Equal(createsBefore + 1, simulator.CreatesReceived);
        var all = await LedgerContents.AllAsync(folder.LedgerPath);
        Assert.Equal(VideoJobState.OutcomeUnknown, all[0].State);
        Assert.Equal(VideoJobState.Downloaded, all[1].State);
        Assert.Equal(existing.Id, all[1].TaskId);
        Assert.Equal(VideoJobState.Downloaded, all[2].State);

        // The create's poll_url is kept for a later run to poll exactly there (generation A gives none).
        Assert.Equal(generation == SimulatedApiGeneration.C ? "/v1/tasks/" + all[2].TaskId : null, all[2].PollUrl);
        Assert.DoesNotContain(simulator.CreatedTasks, made => TestJobs.PromptOf(made) == jobs[0].Request.Prompt);
    }

    [Fact]
    public async Task A_cancelled_run_lets_each_create_on_its_way_be_answered_within_the_grace_period_and_records_its_task()
    {
        using var folder = new TempFolder();
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { PollsPerStage = 50 });
        simulator.Script.DelayNext(4, TimeSpan.FromMilliseconds(400), SimulatorTarget.Create);
        var client = BatchClients.For(simulator);
        await using var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath);
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(150));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new VideoBatchRunner(client, ledger, new VideoBatchOptions { MaxConcurrentTasks = 4 }).RunAsync(TestJobs.Many(folder.Path, 10), cancellationToken: stop.Token));

        // Four creates were on their way when the run was cancelled: each was answered, and its id recorded.
        var counts = await ledger.CountAsync();
        Assert.Equal(4, counts[VideoJobState.Created]);
        Assert.Equal(6, counts[VideoJobState.Planned]);
        Assert.Equal(0, counts[VideoJobState.OutcomeUnknown] + counts[VideoJobState.Submitting]);
        Assert.Null(await ledger.ReadHolderAsync());
    }
}
