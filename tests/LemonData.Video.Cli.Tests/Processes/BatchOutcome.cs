using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LemonData.Video.Testing;

namespace LemonData.Video.Cli.Tests.Processes;

/// <summary>
/// What a batch of <c>clip-N</c> jobs ("A cat, take N") left behind, checked from both sides: the simulator's record of
/// what it was sent and made, and the ledger as <c>batch status --json</c> reads it.
/// </summary>
internal sealed class BatchOutcome
{
    private const string CreatePath = "/v1/videos/generations";

    private BatchOutcome(BatchStatus status, int createsReceived, int rateLimited, int tasksMade, int lostAnswers)
    {
        Status = status;
        CreatesReceived = createsReceived;
        RateLimited = rateLimited;
        TasksMade = tasksMade;
        LostAnswers = lostAnswers;
    }

    public BatchStatus Status { get; }

    public int CreatesReceived { get; }

    public int RateLimited { get; }

    public int TasksMade { get; }

    /// <summary>Tasks the service made whose answer never reached the ledger: their jobs are OutcomeUnknown.</summary>
    public int LostAnswers { get; }

    /// <summary>The jobs file of <paramref name="count"/> jobs these checks understand.</summary>
    public static void WriteJobs(string path, int count) =>
        File.WriteAllLines(path, Enumerable.Range(1, count).Select(i => "{\"id\":\"clip-" + i + "\",\"prompt\":\"A cat, take " + i + "\",\"duration\":5}"));

    /// <summary>Reads the ledger with <c>batch status --json</c> and the given ledger arguments (<c>--out-dir dir</c>, <c>--ledger-connection ...</c>).</summary>
    public static async Task<BatchStatus> StatusAsync(IDictionary<string, string?> environment, params string[] ledgerArguments)
    {
        var result = await Cli.RunAsync(environment, CancellationToken.None, new[] { "batch", "status", "--json" }.Concat(ledgerArguments).ToArray());
        Assert.True(result.ExitCode == 0, result.ToString());
        return BatchStatus.From(result.Json());
    }

    /// <summary>
    /// Asserts the batch's promises and returns the figures: no job sent twice (a 429 aside: it proves nothing was made),
    /// every task made in the ledger or its job OutcomeUnknown, every job Downloaded (the served bytes, the recorded SHA-256)
    /// or OutcomeUnknown, no temporary file left.
    /// </summary>
    public static BatchOutcome AssertKept(LemonDataSimulator simulator, BatchStatus status, int jobCount, string outDir)
    {
        var creates = simulator.Requests.Where(request => request.Method == "POST" && request.Path == CreatePath).ToList();
        var made = simulator.CreatedTasks;

        var sentTwice = creates.Where(create => create.StatusCode != 429).GroupBy(JobOf).Where(group => group.Count() > 1).Select(group => group.Key).ToList();
        Assert.True(sentTwice.Count == 0, "Sent twice: " + string.Join(", ", sentTwice));
        Assert.Equal(made.Count, made.Select(JobOf).Distinct().Count());

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

        var served = LemonDataSimulator.SampleVideo.ToArray();
        var servedSha = Convert.ToHexString(SHA256.HashData(served)).ToLowerInvariant();
        Assert.Equal(jobCount, status.Jobs.Count);
        foreach (var (id, job) in status.Jobs)
        {
            Assert.True(job.State is "Downloaded" or "OutcomeUnknown", id + " ended " + job.State + ": " + job.Error);
            if (job.State == "Downloaded")
            {
                Assert.Equal(served, File.ReadAllBytes(job.File));
                Assert.Equal(servedSha, job.Sha256);
            }
        }

        Assert.Empty(Directory.GetFiles(outDir, "*.part", SearchOption.AllDirectories));
        return new BatchOutcome(status, creates.Count, creates.Count(create => create.StatusCode == 429), made.Count, lostAnswers);
    }

    /// <summary>Creates: 503s and answers lost after the task was made (outcome unknown), 429s, slow answers; polls and downloads: 5xx and 429.</summary>
    public static void ScriptFaults(LemonDataSimulator simulator, int seed, double probability)
    {
        simulator.Script.ServerErrorNext(2, 503, SimulatorTarget.Create);
        simulator.Script.DropNext(2, afterProcessing: true, SimulatorTarget.Create);
        simulator.Script.InjectFaults(new SimulatorFaultPlan(probability, seed, SimulatorFaultKind.ServerError, SimulatorFaultKind.RateLimit, SimulatorFaultKind.SlowAnswer)
        {
            Target = SimulatorTarget.Create | SimulatorTarget.Poll | SimulatorTarget.Download,
            SlowAnswerDelay = TimeSpan.FromMilliseconds(300),
            MinRetryAfter = TimeSpan.FromMilliseconds(5),
            MaxRetryAfter = TimeSpan.FromMilliseconds(50),
        });
    }

    public override string ToString() =>
        "service: " + CreatesReceived + " creates received (" + RateLimited + " answered 429), " + TasksMade + " tasks made; ledger: "
        + Status.Counts["Downloaded"] + " Downloaded (each byte-identical to the served video), " + Status.Counts["OutcomeUnknown"]
        + " OutcomeUnknown (" + LostAnswers + " of them with a task the service made whose answer never reached the ledger)";

    private static string JobOf(SimulatorRequest create)
    {
        using var body = JsonDocument.Parse(create.Body);
        return "clip-" + body.RootElement.GetProperty("prompt").GetString()!["A cat, take ".Length..];
    }
}
