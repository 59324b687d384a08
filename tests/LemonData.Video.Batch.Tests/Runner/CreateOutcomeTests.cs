using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LemonData.Video.Batch.Tests.Support;
using LemonData.Video.Testing;

namespace LemonData.Video.Batch.Tests.Runner;

/// <summary>What each kind of failed create makes of its job, and what a later run does with it.</summary>
public class CreateOutcomeTests
{
    [Fact]
    public async Task A_request_that_breaks_a_rule_is_Refused_without_being_sent()
    {
        using var folder = new TempFolder();
        await using var simulator = LemonDataSimulator.Start();
        await using var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath);
        var bad = new VideoJob("bad", new VideoGenerationRequest { Model = VideoModels.Sora2, Prompt = "A cat", Fps = 500 }, folder.File("bad.mp4"));

        var summary = await new VideoBatchRunner(BatchClients.For(simulator), ledger).RunAsync(new[] { bad });

        var job = (await ledger.FindAsync("bad"))!;
        Assert.Equal(VideoJobState.Refused, job.State);
        Assert.Contains("LDV0006", job.Error);
        Assert.Equal(0, simulator.CreatesReceived);
        Assert.True(summary.IsFinished);
    }

    [Fact]
    public async Task A_request_the_service_answers_400_is_Refused_with_its_message_after_one_create()
    {
        using var folder = new TempFolder();
        await using var simulator = LemonDataSimulator.Start();
        await using var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath);
        var client = BatchClients.For(simulator, options => options.ValidateRequests = false);
        var empty = new VideoJob("empty", new VideoGenerationRequest { Model = VideoModels.Sora2, Prompt = null! }, folder.File("empty.mp4"));

        await new VideoBatchRunner(client, ledger).RunAsync(new[] { empty });

        // Unchecked by the client, the request reaches the service, whose 400 proves nothing was made.
        var job = (await ledger.FindAsync("empty"))!;
        Assert.Equal(VideoJobState.Refused, job.State);
        Assert.Contains("400", job.Error);
        Assert.Equal(1, simulator.CreatesReceived);
        Assert.Empty(simulator.CreatedTasks);
    }

    [Fact]
    public async Task A_create_the_service_refuses_for_the_job_is_Refused_and_sent_again_only_with_RetryRefused()
    {
        using var folder = new TempFolder();
        await using var simulator = LemonDataSimulator.Start();

        // The client does not check requests here, so the service's own 404 model_not_found is what refuses it.
        var client = BatchClients.For(simulator, options => options.ValidateRequests = false);
        var job = new VideoJob("unknown-model", new VideoGenerationRequest { Model = "no-such-model", Prompt = "A cat" }, folder.File("x.mp4"));
        await using var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath);

        await new VideoBatchRunner(client, ledger).RunAsync(new[] { job });
        Assert.Equal(VideoJobState.Refused, (await ledger.FindAsync(job.Key))!.State);
        Assert.Equal(1, simulator.CreatesReceived);

        await new VideoBatchRunner(client, ledger).RunAsync(new[] { job });
        Assert.Equal(1, simulator.CreatesReceived);

        // Fixed, under the same key: a refused job never made anything, so it may change and be sent again.
        var fixedJob = new VideoJob("unknown-model", new VideoGenerationRequest { Model = VideoModels.Sora2, Prompt = "A cat" }, folder.File("x.mp4"));
        var summary = await new VideoBatchRunner(client, ledger, new VideoBatchOptions { RetryRefused = true }).RunAsync(new[] { fixedJob });
        Assert.True(summary.IsComplete, summary.ToString());
        Assert.Equal(2, simulator.CreatesReceived);
    }

    [Fact]
    public async Task A_5xx_on_a_create_makes_the_job_OutcomeUnknown_never_sent_again_unless_ResubmitUnknown()
    {
        using var folder = new TempFolder();
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.ServerErrorNext(1, 502, SimulatorTarget.Create);
        var client = BatchClients.For(simulator);
        await using var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath);
        var jobs = TestJobs.Many(folder.Path, 1);

        var first = await new VideoBatchRunner(client, ledger).RunAsync(jobs);
        var job = (await ledger.FindAsync(jobs[0].Key))!;
        Assert.Equal(VideoJobState.OutcomeUnknown, job.State);
        Assert.Contains("502", job.Error);
        Assert.False(first.IsFinished);

        for (var run = 0; run < 2; run++)
        {
            await new VideoBatchRunner(client, ledger).RunAsync(jobs);
        }

        Assert.Equal(1, simulator.CreatesReceived);

        var resubmitted = await new VideoBatchRunner(client, ledger, new VideoBatchOptions { ResubmitUnknown = true }).RunAsync(jobs);
        Assert.True(resubmitted.IsComplete, resubmitted.ToString());
        Assert.Equal(2, simulator.CreatesReceived);
    }

    [Fact]
    public async Task A_create_whose_answer_is_cut_after_the_task_id_keeps_that_id_on_the_OutcomeUnknown_job()
    {
        using var folder = new TempFolder();
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.TruncateNext(1, keepTaskId: true, target: SimulatorTarget.Create);
        await using var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath);
        var jobs = TestJobs.Many(folder.Path, 1);

        await new VideoBatchRunner(BatchClients.For(simulator), ledger).RunAsync(jobs);

        var job = (await ledger.FindAsync(jobs[0].Key))!;
        Assert.Equal(VideoJobState.OutcomeUnknown, job.State);
        Assert.Equal(Assert.Single(simulator.CreatedTasks).CreatedTaskId, job.TaskId);
    }

    [Fact]
    public async Task A_task_that_fails_is_Failed_with_the_services_message()
    {
        using var folder = new TempFolder();
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.FailNextTask("Content policy violation", "content_policy_violation");
        await using var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath);
        var jobs = TestJobs.Many(folder.Path, 1);

        var summary = await new VideoBatchRunner(BatchClients.For(simulator), ledger).RunAsync(jobs);

        var job = (await ledger.FindAsync(jobs[0].Key))!;
        Assert.Equal(VideoJobState.Failed, job.State);
        Assert.Equal("Content policy violation", job.Error);
        Assert.True(summary.IsFinished);
        Assert.False(File.Exists(jobs[0].OutputPath));
    }
}
