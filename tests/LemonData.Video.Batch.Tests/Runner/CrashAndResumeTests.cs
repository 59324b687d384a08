using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LemonData.Video.Batch.Tests.Support;
using LemonData.Video.Testing;

namespace LemonData.Video.Batch.Tests.Runner;

/// <summary>
/// What an SQLite run finds after a crash or a cancellation (the crashes at random instants, on every ledger, are in
/// <see cref="CrashAndResumeContractTests"/>).
/// </summary>
public class CrashAndResumeTests
{
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
