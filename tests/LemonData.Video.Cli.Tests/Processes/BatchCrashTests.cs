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
    private const string CreatePath = "/v1/videos/generations";

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
        ScriptFaults(simulator, seed);
        using var folder = new TempFolder();
        var jobsFile = folder.File("jobs.jsonl");
        File.WriteAllLines(jobsFile, Enumerable.Range(1, JobCount).Select(i => "{\"id\":\"clip-" + i + "\",\"prompt\":\"A cat, take " + i + "\",\"duration\":5}"));
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
        var creates = simulator.Requests.Where(request => request.Method == "POST" && request.Path == CreatePath).ToList();
        var made = simulator.CreatedTasks;

        // Never twice: apart from the answers that prove nothing was made (a 429, re-sent by the client after its wait),
        // each job's create reached the service at most once, and made at most one task.
        var sentTwice = creates.Where(create => create.StatusCode != 429).GroupBy(JobOf).Where(group => group.Count() > 1).Select(group => group.Key).ToList();
        Assert.True(sentTwice.Count == 0, "Sent twice: " + string.Join(", ", sentTwice));
        Assert.Equal(made.Count, made.Select(JobOf).Distinct().Count());

        // Never lost: every task the service made is its job's task in the ledger, or the job is OutcomeUnknown.
        var lostAnswers = 0;
        foreach (var task in made)
        {
            var job = status.Jobs[JobOf(task)];
            if (job.TaskId != task.CreatedTaskId)
            {
                Assert.True(job.State == "OutcomeUnknown", JobOf(task) + " made " + task.CreatedTaskId + " but the ledger says " + job.State + " " + job.TaskId);
                lostAnswers++;
            }
        }

        var madeIds = made.Select(task => task.CreatedTaskId).ToHashSet();
        Assert.All(status.Jobs.Values.Where(job => job.TaskId is not null), job => Assert.Contains(job.TaskId, madeIds));

        // Done: every job Downloaded, byte for byte the video served, or OutcomeUnknown (a person decides); nothing half-written.
        var served = LemonDataSimulator.SampleVideo.ToArray();
        var servedSha = Convert.ToHexString(SHA256.HashData(served)).ToLowerInvariant();
        Assert.Equal(JobCount, status.Jobs.Count);
        foreach (var (id, job) in status.Jobs)
        {
            Assert.True(job.State is "Downloaded" or "OutcomeUnknown", id + " ended " + job.State + ": " + job.Error);
            if (job.State == "Downloaded")
            {
                Assert.Equal(served, File.ReadAllBytes(job.File));
                Assert.Equal(servedSha, job.Sha256);
            }
        }

        Assert.Equal(status.Counts["OutcomeUnknown"] == 0 ? 0 : 4, finalExit);
        Assert.Empty(Directory.GetFiles(outDir, "*.part", SearchOption.AllDirectories));

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
            "  service: " + creates.Count + " creates received (" + creates.Count(create => create.StatusCode == 429) + " answered 429), " + made.Count + " tasks made, " + simulator.InjectedFaults.Count + " faults injected",
            "  ledger: " + status.Counts["Downloaded"] + " Downloaded (each byte-identical to the served video), " + status.Counts["OutcomeUnknown"] + " OutcomeUnknown (" + lostAnswers + " of them with a task the service made whose answer never reached the ledger)",
            "  no job created twice; every task made is in the ledger or its job is OutcomeUnknown"));
    }

    // Creates: 503s and answers lost after the task was made (outcome unknown), 429s (paced), slow answers (so that kills
    // land while creates are on their way). Polls and downloads: 5xx and 429 that the client retries.
    private static void ScriptFaults(LemonDataSimulator simulator, int seed)
    {
        simulator.Script.ServerErrorNext(2, 503, SimulatorTarget.Create);
        simulator.Script.DropNext(2, afterProcessing: true, SimulatorTarget.Create);
        simulator.Script.InjectFaults(new SimulatorFaultPlan(0.06, seed, SimulatorFaultKind.ServerError, SimulatorFaultKind.RateLimit, SimulatorFaultKind.SlowAnswer)
        {
            Target = SimulatorTarget.Create | SimulatorTarget.Poll | SimulatorTarget.Download,
            SlowAnswerDelay = TimeSpan.FromMilliseconds(300),
            MinRetryAfter = TimeSpan.FromMilliseconds(5),
            MaxRetryAfter = TimeSpan.FromMilliseconds(50),
        });
    }

    private static string JobOf(SimulatorRequest create)
    {
        using var body = JsonDocument.Parse(create.Body);
        return "clip-" + body.RootElement.GetProperty("prompt").GetString()!["A cat, take ".Length..];
    }

    private static async Task<BatchStatus> StatusAsync(IDictionary<string, string?> environment, string outDir)
    {
        var result = await Cli.RunAsync(environment, CancellationToken.None, "batch", "status", "--out-dir", outDir, "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        return BatchStatus.From(result.Json());
    }
}
