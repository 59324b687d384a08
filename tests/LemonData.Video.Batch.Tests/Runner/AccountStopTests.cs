using System;
using System.Linq;
using System.Threading.Tasks;
using LemonData.Video.Batch.Tests.Support;
using LemonData.Video.Testing;

namespace LemonData.Video.Batch.Tests.Runner;

/// <summary>Answers about the account, not the job: new creates stop, the tasks in flight finish, nothing is lost.</summary>
public class AccountStopTests
{
    [Fact]
    public async Task A_402_stops_new_creates_lets_tasks_in_flight_finish_and_reports_the_balance_then_a_topped_up_run_finishes()
    {
        using var folder = new TempFolder();

        // Enough credit for 10 videos of 25; tasks take a few polls, so several are in flight when the money runs out.
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { BalanceUsd = 5.25m, VideoCostUsd = 0.5m, PollsPerStage = 3 });
        var client = BatchClients.For(simulator);
        var jobs = TestJobs.Many(folder.Path, 25);
        var progress = new RecordingBatchProgress();

        VideoBatchSummary summary;
        await using (var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath))
        {
            summary = await new VideoBatchRunner(client, ledger, new VideoBatchOptions { MaxConcurrentTasks = 4 }).RunAsync(jobs, progress);
        }

        Assert.Equal(VideoBatchStopReason.InsufficientBalance, summary.StopReason);
        Assert.Equal(0.25m, summary.BalanceUsd);
        Assert.Equal(0.5m, summary.EstimatedCostUsd);
        Assert.Contains("402", summary.StopMessage);
        Assert.False(summary.IsFinished);

        // The ten paid tasks, in flight or not when the 402 came, all finished and were saved; the rest wait, unsent.
        Assert.Equal(10, simulator.CreatedTasks.Count);
        Assert.Equal(10, summary.Count(VideoJobState.Downloaded));
        Assert.Equal(15, summary.Count(VideoJobState.Planned));
        Assert.Equal(0, summary.Count(VideoJobState.OutcomeUnknown) + summary.Count(VideoJobState.Refused) + summary.Count(VideoJobState.Submitting));

        // After the first 402 no other create started (those already on their way may have been refused too).
        var refusals = simulator.Requests.Count(request => request.Method == "POST" && request.StatusCode == 402);
        Assert.InRange(refusals, 1, 4);
        Assert.Equal(10 + refusals, simulator.CreatesReceived);
        Assert.InRange(summary.CreatesSent, 11, 14);
        Assert.Contains(progress.Seen, seen => seen.State == VideoJobState.Planned && seen.Message!.Contains("402"));

        simulator.BalanceUsd = 100m;
        await using (var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath))
        {
            summary = await new VideoBatchRunner(client, ledger).RunAsync(jobs);
        }

        Assert.True(summary.IsComplete, summary.ToString());
        Assert.Equal(VideoBatchStopReason.None, summary.StopReason);
        Assert.Equal(25, simulator.CreatedTasks.Count);
        Assert.Equal(25, simulator.CreatedTasks.Select(TestJobs.PromptOf).Distinct().Count());
    }

    [Fact]
    public async Task A_429_within_the_clients_retries_only_paces_the_creates()
    {
        using var folder = new TempFolder();
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.RateLimitNext(3, TimeSpan.FromMilliseconds(150), SimulatorTarget.Create);
        await using var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath);

        var summary = await new VideoBatchRunner(BatchClients.For(simulator), ledger, new VideoBatchOptions { MaxConcurrentTasks = 1 }).RunAsync(TestJobs.Many(folder.Path, 4));

        Assert.True(summary.IsComplete, summary.ToString());
        Assert.Equal(VideoBatchStopReason.None, summary.StopReason);
        Assert.Equal(4 + 3, simulator.CreatesReceived);
        Assert.Equal(4, simulator.CreatedTasks.Count);

        // The refused create was sent again only after each Retry-After the service asked for.
        var creates = simulator.Requests.Where(request => request.Method == "POST").ToList();
        for (var i = 1; i <= 3; i++)
        {
            Assert.True(creates[i].ReceivedAt - creates[i - 1].ReceivedAt >= TimeSpan.FromMilliseconds(140), $"create {i} came {(creates[i].ReceivedAt - creates[i - 1].ReceivedAt).TotalMilliseconds} ms after the 429");
        }
    }

    [Fact]
    public async Task A_429_past_the_clients_retries_puts_the_job_back_and_stops_new_creates()
    {
        using var folder = new TempFolder();
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.RateLimitNext(10, TimeSpan.FromMilliseconds(10), SimulatorTarget.Create);
        var client = BatchClients.For(simulator, options => options.MaxRetries = 2);
        await using var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath);

        var summary = await new VideoBatchRunner(client, ledger, new VideoBatchOptions { MaxConcurrentTasks = 1 }).RunAsync(TestJobs.Many(folder.Path, 5));

        Assert.Equal(VideoBatchStopReason.RateLimited, summary.StopReason);
        Assert.Equal(5, summary.Count(VideoJobState.Planned));
        Assert.Equal(3, simulator.CreatesReceived);
        Assert.Empty(simulator.CreatedTasks);
    }

    [Fact]
    public async Task MaxJobs_sends_that_many_creates_and_leaves_the_rest_planned_for_the_next_run()
    {
        using var folder = new TempFolder();
        await using var simulator = LemonDataSimulator.Start();
        var client = BatchClients.For(simulator);
        await using var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath);

        var summary = await new VideoBatchRunner(client, ledger, new VideoBatchOptions { MaxJobs = 3 }).RunAsync(TestJobs.Many(folder.Path, 8));

        Assert.Equal(VideoBatchStopReason.MaxJobsReached, summary.StopReason);
        Assert.Equal(3, simulator.CreatesReceived);
        Assert.Equal(3, summary.Count(VideoJobState.Downloaded));
        Assert.Equal(5, summary.Count(VideoJobState.Planned));
    }
}
