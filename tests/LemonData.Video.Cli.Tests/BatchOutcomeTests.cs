using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LemonData.Video.Batch;
using LemonData.Video.Testing;

namespace LemonData.Video.Cli.Tests;

/// <summary>Batches that do not end with every video saved: their exit codes, and what <c>batch status</c> tells a person.</summary>
public sealed class BatchOutcomeTests
{
    private static string[] BatchRun(string jobsFile, string outDir) =>
        Cli.Args(new[] { "batch", "run", jobsFile, "--out-dir", outDir, "--concurrency", "1" }, Cli.FastPolling);

    private static string WriteJobs(TempFolder folder, int count)
    {
        var path = folder.File("jobs.jsonl");
        File.WriteAllLines(path, Enumerable.Range(1, count).Select(i => "{\"id\":\"clip-" + i + "\",\"prompt\":\"A cat, take " + i + "\"}"));
        return path;
    }

    [Fact]
    public async Task A_5xx_on_a_create_leaves_the_job_OutcomeUnknown_exit_4_and_status_says_what_to_do()
    {
        await using var simulator = LemonDataSimulator.Start();
        using var folder = new TempFolder();
        var jobs = WriteJobs(folder, 1);
        var outDir = folder.File("videos");
        simulator.Script.ServerErrorNext(1, status: 500);

        var run = await Cli.RunAsync(simulator, BatchRun(jobs, outDir));

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Equal(1, simulator.CreatesReceived);
        Assert.Contains("clip-1: OutcomeUnknown", run.Stdout, StringComparison.Ordinal);

        var status = await Cli.RunAsync(simulator, "batch", "status", "--out-dir", outDir);
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("OutcomeUnknown (1): ", status.Stdout, StringComparison.Ordinal);
        Assert.Contains("--resubmit-unknown", status.Stdout, StringComparison.Ordinal);
        Assert.Contains("  clip-1", status.Stdout, StringComparison.Ordinal);

        // Never sent again on its own: a second run leaves it, and says the batch is not finished.
        var again = await Cli.RunAsync(simulator, BatchRun(jobs, outDir));
        Assert.True(again.ExitCode == 4, again.ToString());
        Assert.Equal(1, simulator.CreatesReceived);
    }

    [Fact]
    public async Task A_failed_task_ends_the_batch_with_exit_1_and_status_lists_it_with_the_service_message()
    {
        await using var simulator = LemonDataSimulator.Start();
        using var folder = new TempFolder();
        var jobs = WriteJobs(folder, 2);
        var outDir = folder.File("videos");
        simulator.Script.FailNextTask("The prompt was flagged by moderation.");

        var run = await Cli.RunAsync(simulator, BatchRun(jobs, outDir));

        Assert.True(run.ExitCode == 1, run.ToString());
        var status = await Cli.RunAsync(simulator, "batch", "status", "--out-dir", outDir, "--json");
        var failed = status.Json().GetProperty("jobs").EnumerateArray().Single(job => job.GetProperty("state").GetString() == "Failed");
        Assert.Contains("moderation", failed.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, status.Json().GetProperty("counts").GetProperty("Downloaded").GetInt32());
    }

    [Fact]
    public async Task A_second_run_while_one_holds_the_ledger_is_refused_naming_it_and_sends_nothing()
    {
        await using var simulator = LemonDataSimulator.Start();
        using var folder = new TempFolder();
        var jobs = WriteJobs(folder, 1);
        var outDir = folder.File("videos");
        await using var ledger = await SqliteVideoJobLedger.OpenAsync(Path.Combine(outDir, ".lemondata-batch.db"));
        await using var claim = await ledger.ClaimAsync();

        var run = await Cli.RunAsync(simulator, BatchRun(jobs, outDir));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, simulator.CreatesReceived);
    }

    [Fact]
    public async Task Ctrl_c_exits_130_with_the_ledger_intact_and_the_same_command_finishes_without_creating_a_job_twice()
    {
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { ProcessingTime = TimeSpan.FromSeconds(1) });
        using var folder = new TempFolder();
        var jobs = WriteJobs(folder, 4);
        var outDir = folder.File("videos");
        using var interrupt = new System.Threading.CancellationTokenSource();
        var running = Cli.RunAsync(Cli.EnvironmentFor(simulator), interrupt.Token, BatchRun(jobs, outDir));
        while (simulator.CreatesReceived == 0)
        {
            await Task.Delay(10);
        }

        interrupt.Cancel();
        var interrupted = await running;

        Assert.True(interrupted.ExitCode == 130, interrupted.ToString());
        Assert.Contains("is intact; run the same command again to resume", interrupted.Stderr, StringComparison.Ordinal);
        var createdBefore = simulator.CreatesReceived;
        Assert.InRange(createdBefore, 1, 3);

        var resumed = await Cli.RunAsync(simulator, BatchRun(jobs, outDir));

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Equal(4, simulator.CreatesReceived);
        Assert.Equal(4, simulator.CreatedTasks.Select(task => task.CreatedTaskId).Distinct().Count());
    }
}
