using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using LemonData.Video.Cli.Tests.SharedLedger;
using LemonData.Video.Testing;
using Xunit.Abstractions;

namespace LemonData.Video.Cli.Tests.Processes;

/// <summary>
/// Three <c>batch run</c> processes on one PostgreSQL ledger against one simulator: one SIGKILLed halfway, one redeployed
/// (Ctrl+C, then started again). The live ones finish the dead one's tasks once its lease ends; nothing is paid twice.
/// </summary>
public sealed class FarmTests
{
    private const int JobCount = 300;

    private readonly ITestOutputHelper _output;

    public FarmTests(ITestOutputHelper output) => _output = output;

    [SkippableFact]
    public async Task Three_workers_one_killed_and_one_redeployed_finish_the_batch_with_no_job_created_twice_and_no_task_lost()
    {
        await using var database = await TestDatabase.CreateAsync();
        var seed = int.TryParse(Environment.GetEnvironmentVariable("LEMONDATA_CRASH_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var given) ? given : Environment.TickCount;
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { ProcessingTime = TimeSpan.FromMilliseconds(800) });
        BatchOutcome.ScriptFaults(simulator, seed, probability: 0.04);
        using var folder = new TempFolder();
        var jobsFile = folder.File("jobs.jsonl");
        BatchOutcome.WriteJobs(jobsFile, JobCount);
        var outDir = folder.File("videos");

        // Every worker is the same command on the same file; the ledger is the shared one (a 5 s lease: a dead worker's
        // tasks are taken over 5 s after its last sign of life, and no pause of a busy machine outlasts it).
        var environment = Cli.EnvironmentFor(simulator);
        environment["LEMONDATA_BATCH_LEDGER"] = database.ConnectionString;
        string[] worker = { "batch", "run", jobsFile, "--out-dir", outDir, "--concurrency", "4", "--lease", "5", "--poll-interval", "0.05" };

        using var killed = ToolProcess.Start(environment, folder.Path, worker);
        using var redeployed = ToolProcess.Start(environment, folder.Path, worker);
        using var steady = ToolProcess.Start(environment, folder.Path, worker);

        // Halfway through the creates, one worker dies and another is stopped for a redeploy.
        while (simulator.CreatesReceived < JobCount / 2)
        {
            Assert.False(killed.HasExited || redeployed.HasExited, "A worker ended before halfway:\n" + killed + "\n" + redeployed);
            await Task.Delay(20);
        }

        killed.Kill();
        redeployed.Interrupt();
        var createsAtKill = simulator.CreatesReceived;
        Assert.Equal(130, await redeployed.WaitAsync(TimeSpan.FromMinutes(1)));
        using var restarted = ToolProcess.Start(environment, folder.Path, worker);

        var steadyExit = await steady.WaitAsync(TimeSpan.FromMinutes(5));
        var restartedExit = await restarted.WaitAsync(TimeSpan.FromMinutes(5));
        Assert.True(steadyExit is 0 or 4, "steady worker: exit " + steadyExit + "\n" + steady);
        Assert.True(restartedExit is 0 or 4, "restarted worker: exit " + restartedExit + "\n" + restarted);

        var status = await BatchOutcome.StatusAsync(environment);
        var outcome = BatchOutcome.AssertKept(simulator, status, JobCount, outDir);

        // The dead worker's interrupted creates were judged by the others, and its tasks finished by them.
        Assert.Equal(0, status.Unfinished);
        Assert.All(new[] { steady, restarted }, tool => Assert.Contains(": Downloaded", tool.Stdout, StringComparison.Ordinal));

        TestReport.Write(_output, "batch-farm", string.Join(Environment.NewLine,
            "farm test (seed " + seed + "): " + JobCount + " jobs, 3 `lemondata-video batch run` processes on one PostgreSQL ledger, one simulator",
            "  at " + createsAtKill + " creates: one worker SIGKILLed, one stopped with Ctrl+C (exit 130) and started again; the others ended with exit " + steadyExit + " and " + restartedExit,
            "  " + outcome + "; " + simulator.InjectedFaults.Count + " faults injected",
            "  no job created twice; every task made is in the ledger or its job is OutcomeUnknown"));
    }
}
