using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LemonData.Video.Testing;
using Xunit.Abstractions;

namespace LemonData.Video.Cli.Tests.Processes;

/// <summary>
/// <c>batch run</c> as a real process against a simulator in this test process, killed with SIGKILL at random moments and
/// interrupted with SIGINT, then run again until the batch is done: what the service saw and what the ledger says must
/// agree that no job was paid for twice and no task was lost.
/// </summary>
public sealed class BatchCrashTests
{
    private const int JobCount = 110;
    private const int Kills = 30;
    private const int Interrupts = 3;

    private readonly ITestOutputHelper _output;

    public BatchCrashTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task A_batch_killed_and_interrupted_at_random_moments_finishes_with_no_job_created_twice_no_task_lost_and_every_file_the_served_video()
    {
        // The seed is printed; LEMONDATA_CRASH_SEED replays a run's kill moments (the service's timing still varies).
        var seed = int.TryParse(Environment.GetEnvironmentVariable("LEMONDATA_CRASH_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var given) ? given : Environment.TickCount;
        var random = new Random(seed);

        // Tasks take 1.5 s and at most 3 are in flight: the batch needs close to a minute of service time, so that every kill
        // lands on a run with work left.
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { ProcessingTime = TimeSpan.FromSeconds(1.5) });
        BatchOutcome.ScriptFaults(simulator, seed, probability: 0.06);
        using var folder = new TempFolder();
        var jobsFile = folder.File("jobs.jsonl");
        BatchOutcome.WriteJobs(jobsFile, JobCount);
        var outDir = folder.File("videos");
        string[] batchRun = { "batch", "run", jobsFile, "--out-dir", outDir, "--concurrency", "3", "--poll-interval", "0.05" };
        var environment = Cli.EnvironmentFor(simulator);

        // SIGKILL at a random moment of each run: a third of them 0.2 to 1.6 s after the process starts (start-up, planning,
        // the first creates), the others up to 1.2 s after the run recorded its first change (mid-batch, however slow the
        // machine is to start a process).
        var kills = 0;
        var killsMidBatch = 0;
        var runs = 0;
        while (kills < Kills)
        {
            using var tool = ToolProcess.Start(environment, folder.Path, batchRun);
            runs++;
            if (random.Next(3) == 0)
            {
                await Task.Delay(200 + random.Next(1400));
            }
            else
            {
                await Task.WhenAny(tool.FirstJobChange, Task.Delay(TimeSpan.FromSeconds(30)));
                await Task.Delay(random.Next(1200));
            }

            Assert.False(tool.HasExited, "The batch ended before it had been killed " + Kills + " times (after " + kills + "): exit " + (tool.HasExited ? tool.ExitCode : 0) + "\n" + tool);
            killsMidBatch += tool.FirstJobChange.IsCompleted ? 1 : 0;
            tool.Kill();
            await tool.WaitAsync(TimeSpan.FromSeconds(30));
            kills++;
        }

        Assert.True(killsMidBatch >= Kills / 2, "Too few kills landed mid-batch to mean anything: " + killsMidBatch + " of " + kills);

        // Ctrl+C once a run is under way: exit 130, and no job left Submitting (each create on its way was answered and recorded).
        for (var i = 0; i < Interrupts; i++)
        {
            using var tool = ToolProcess.Start(environment, folder.Path, batchRun);
            runs++;
            await Task.WhenAny(tool.FirstJobChange, Task.Delay(TimeSpan.FromSeconds(30)));
            await Task.Delay(random.Next(600));
            tool.Interrupt();
            var interrupted = await tool.WaitAsync(TimeSpan.FromSeconds(90));
            Assert.True(interrupted == 130, "Ctrl+C should exit 130, the ledger intact; got " + interrupted + "\n" + tool);
            Assert.Contains("run the same command again", tool.AllOutput(), StringComparison.OrdinalIgnoreCase);
            Assert.Equal(0, (await StatusAsync(environment, outDir)).Counts["Submitting"]);
        }

        // Then runs left alone until one ends by itself.
        int finalExit;
        var finalRuns = 0;
        do
        {
            using var tool = ToolProcess.Start(environment, folder.Path, batchRun);
            runs++;
            finalRuns++;
            finalExit = await tool.WaitAsync(TimeSpan.FromMinutes(4));
            Assert.True(finalExit is 0 or 4, "An uninterrupted run ends done (0) or with jobs that need a person (4); got " + finalExit + "\n" + tool);
        }
        while (finalExit == 4 && finalRuns < 3 && (await StatusAsync(environment, outDir)).Unfinished > 0);

        var status = await StatusAsync(environment, outDir);
        var outcome = BatchOutcome.AssertKept(simulator, status, JobCount, outDir);
        Assert.Equal(status.Counts["OutcomeUnknown"] == 0 ? 0 : 4, finalExit);

        // The same command once more sends nothing.
        var createsBefore = simulator.CreatesReceived;
        using (var again = ToolProcess.Start(environment, folder.Path, batchRun))
        {
            Assert.Equal(finalExit, await again.WaitAsync(TimeSpan.FromMinutes(1)));
        }

        Assert.Equal(createsBefore, simulator.CreatesReceived);

        TestReport.Write(_output, "batch-crash", string.Join(Environment.NewLine,
            "batch crash test (seed " + seed + "): " + JobCount + " jobs, " + runs + " runs of `lemondata-video batch run` as a process",
            "  " + kills + " SIGKILLs (" + killsMidBatch + " after the run had recorded a change), " + Interrupts + " Ctrl+C (each exit 130, no job left Submitting), then " + finalRuns + " run(s) to the end (exit " + finalExit + ")",
            "  " + outcome + "; " + simulator.InjectedFaults.Count + " faults injected",
            "  no job created twice; every task made is in the ledger or its job is OutcomeUnknown"));
    }

    private static Task<BatchStatus> StatusAsync(IDictionary<string, string?> environment, string outDir) =>
        BatchOutcome.StatusAsync(environment, "--out-dir", outDir);
}
