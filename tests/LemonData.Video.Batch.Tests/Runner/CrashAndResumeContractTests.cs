using System;
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
/// before or just after a ledger write), then resumed by a new runner on the same ledger, until the batch finishes: on
/// every ledger (<see cref="SqliteCrashAndResumeTests"/>, <see cref="PostgresCrashAndResumeTests"/>).
/// </summary>
public abstract class CrashAndResumeContractTests
{
    private readonly ITestOutputHelper _output;

    protected CrashAndResumeContractTests(ITestOutputHelper output) => _output = output;

    [SkippableFact]
    public async Task No_job_is_created_twice_and_every_task_the_service_made_is_in_the_ledger_or_its_job_is_OutcomeUnknown()
    {
        await using var store = CreateStore();
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { PollsPerStage = 2 });
        var client = BatchClients.For(simulator);
        const int JobCount = 110;
        var jobs = TestJobs.Many(store.Path, JobCount);
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
            var opened = await store.OpenAsync();
            IVideoJobLedger ledger = opened;
            using var stop = new CancellationTokenSource();
            if (!lastAttempt)
            {
                if (random.Next(2) == 0)
                {
                    ledger = new CrashingLedger(opened, crashAt: 1 + random.Next(40), afterWrite: random.Next(2) == 0);
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

            await store.CloseAsync(opened);
        }

        Assert.NotNull(summary);
        Assert.True(summary!.IsFinished || summary.Count(VideoJobState.OutcomeUnknown) > 0, summary.ToString());
        _output.WriteLine($"{stops} cancellations, {crashes} crashes; {summary}; {simulator.CreatesReceived} creates received, {simulator.CreatedTasks.Count} tasks made");
        Assert.True(stops + crashes >= 15, $"the runs were stopped often enough: {stops} cancellations, {crashes} crashes");

        var ledgerJobs = await LedgerContents.AllAsync(await store.OpenAsync());
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
        Assert.Empty(Directory.GetFiles(Path.Combine(store.Path, "videos"), "*.part", SearchOption.AllDirectories));
    }

    private protected abstract LedgerStore CreateStore();
}

public sealed class SqliteCrashAndResumeTests : CrashAndResumeContractTests
{
    public SqliteCrashAndResumeTests(ITestOutputHelper output)
        : base(output)
    {
    }

    private protected override LedgerStore CreateStore() => new SqliteLedgerStore();
}

public sealed class PostgresCrashAndResumeTests : CrashAndResumeContractTests
{
    public PostgresCrashAndResumeTests(ITestOutputHelper output)
        : base(output)
    {
    }

    private protected override LedgerStore CreateStore() => new PostgresLedgerStore();
}
