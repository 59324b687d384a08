using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LemonData.Video.Batch.Tests.Support;
using LemonData.Video.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace LemonData.Video.Batch.Tests.Postgres;

/// <summary>Runners that share one PostgreSQL ledger, over the simulator: together they finish a batch, each create sent once.</summary>
public class PostgresRunnerTests
{
    // Only a worker that is going to die holds a short lease (so that its jobs are taken over soon); the others hold the
    // default (30 s), which no pause of a busy test machine outlasts.
    private static readonly TimeSpan DyingLease = TimeSpan.FromSeconds(3);
    private readonly ITestOutputHelper _output;

    public PostgresRunnerTests(ITestOutputHelper output) => _output = output;

    [SkippableFact]
    public async Task Two_runners_on_one_ledger_finish_a_batch_together_and_no_job_is_created_twice()
    {
        await using var database = PostgresTestDatabase.Create();
        using var folder = new TempFolder();
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { PollsPerStage = 2 });
        var client = BatchClients.For(simulator);
        var jobs = TestJobs.Many(folder.Path, 40);
        var options = new VideoBatchOptions { MaxConcurrentTasks = 3, IdlePollInterval = TimeSpan.FromMilliseconds(100) };

        // Both workers are open before either starts, so that they run side by side from the first job.
        await using var first = await database.OpenAsync();
        await using var second = await database.OpenAsync();
        var summaries = await Task.WhenAll(
            Task.Run(() => new VideoBatchRunner(client, first, options).RunAsync(jobs)),
            Task.Run(() => new VideoBatchRunner(client, second, options).RunAsync(jobs)));
        _output.WriteLine("creates sent per worker: " + string.Join(", ", summaries.Select(summary => summary.CreatesSent)));

        // MaxConcurrentTasks holds per worker: two workers, at most twice as many tasks in flight.
        Assert.InRange(SimulatorObservations.MaxTasksInFlight(simulator), 1, 2 * options.MaxConcurrentTasks);
        Assert.All(summaries, summary => Assert.True(summary.IsComplete, summary.ToString()));
        Assert.Equal(40, summaries.Sum(summary => summary.CreatesSent));
        Assert.All(summaries, summary => Assert.True(summary.CreatesSent > 0, "each worker sent creates: " + summary.CreatesSent));
        SimulatorAssert.EachJobCreatedOnce(simulator, jobs.Count);
        var all = await LedgerContents.AllAsync(first);
        Assert.All(all, job => Assert.Equal(LemonDataSimulator.SampleVideo.ToArray(), File.ReadAllBytes(Assert.Single(job.Files).Path)));
    }

    [SkippableFact]
    public async Task A_runner_waits_for_a_dead_workers_lease_to_expire_then_finishes_its_tasks_by_their_ids_and_judges_its_create()
    {
        await using var database = PostgresTestDatabase.Create();
        using var folder = new TempFolder();
        await using var simulator = LemonDataSimulator.Start();
        var client = BatchClients.For(simulator);
        var jobs = TestJobs.Many(folder.Path, 4);

        // A worker that created two tasks, was sending a third create, and then lost its database for good.
        var source = NpgsqlDataSource.Create(database.ConnectionString);
        var dying = await PostgresVideoJobLedger.OpenAsync(source, database.Options(DyingLease));
        var dyingClaim = await dying.ClaimAsync();
        await dying.PlanAsync(jobs);
        var made = new VideoTask[2];
        for (var i = 0; i < 2; i++)
        {
            var claimed = await dying.ClaimNextPlannedAsync();
            made[i] = await client.CreateVideoAsync(claimed!.Request);
            await dying.RecordAsync(VideoJobChange.Created(claimed.Key, made[i].Id, made[i].PollUrl));
        }

        await dying.ClaimNextPlannedAsync();
        await source.DisposeAsync();
        var createsBefore = simulator.CreatesReceived;

        await using var ledger = await database.OpenAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var summary = await new VideoBatchRunner(client, ledger, new VideoBatchOptions { IdlePollInterval = TimeSpan.FromMilliseconds(100) }).RunAsync(jobs);
        _output.WriteLine(summary + " in " + clock.Elapsed);

        // Only the job nobody had touched was created; the two tasks were finished by their ids; the interrupted create
        // is OutcomeUnknown, never sent again.
        Assert.Equal(createsBefore + 1, simulator.CreatesReceived);
        Assert.Equal(1, summary.CreatesSent);
        Assert.Equal(1, summary.InterruptedSubmissions);
        Assert.Equal(3, summary.Count(VideoJobState.Downloaded));
        Assert.Equal(1, summary.Count(VideoJobState.OutcomeUnknown));
        Assert.Equal(made[0].Id, (await ledger.FindAsync("job-0001"))!.TaskId);
        Assert.Equal(made[1].Id, (await ledger.FindAsync("job-0002"))!.TaskId);
        Assert.Equal(VideoJobState.OutcomeUnknown, (await ledger.FindAsync("job-0003"))!.State);
        Assert.Equal(VideoJobState.Downloaded, (await ledger.FindAsync("job-0004"))!.State);

        // What is left of the dead worker (its lease loop) ends quietly: it cannot reach the database to let go of anything.
        await dyingClaim.DisposeAsync();
        await dying.DisposeAsync();
    }

    [SkippableFact]
    public async Task A_database_that_goes_away_mid_run_stops_it_with_a_clear_error_and_the_next_run_resumes_with_no_create_twice()
    {
        var server = PostgresTestDatabase.RequireServer();
        var databaseName = "ldv_gone_" + Guid.NewGuid().ToString("N")[..12];
        await AdminAsync(server, "CREATE DATABASE " + databaseName + ";");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = databaseName }.ConnectionString;
        var options = new PostgresVideoJobLedgerOptions { LeaseDuration = DyingLease };
        try
        {
            using var folder = new TempFolder();
            await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { ProcessingTime = TimeSpan.FromMilliseconds(300) });
            var client = BatchClients.For(simulator);
            var jobs = TestJobs.Many(folder.Path, 30);
            var runOptions = new VideoBatchOptions { MaxConcurrentTasks = 4, IdlePollInterval = TimeSpan.FromMilliseconds(100) };

            var first = await PostgresVideoJobLedger.OpenAsync(connectionString, options);
            var running = new VideoBatchRunner(client, first, runOptions).RunAsync(jobs);
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (simulator.CreatesReceived < 6 && !running.IsCompleted && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10);
            }

            Assert.False(running.IsCompleted, "the run was still going when the database went away");

            // The database goes away: no new connection is let in, and every open one is cut.
            await AdminAsync(server, "ALTER DATABASE " + databaseName + " WITH ALLOW_CONNECTIONS false; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + databaseName + "';");
            var stopped = await Assert.ThrowsAsync<VideoJobLedgerException>(() => running);
            _output.WriteLine(stopped.Message);
            Assert.Contains("could not be read or written", stopped.Message);
            Assert.Contains("database '" + databaseName + "'", stopped.Message);
            await first.DisposeAsync();
            var createsWhenStopped = simulator.CreatesReceived;
            Assert.True(createsWhenStopped < jobs.Count, "the run stopped before it had sent every create");

            await AdminAsync(server, "ALTER DATABASE " + databaseName + " WITH ALLOW_CONNECTIONS true;");
            await using var second = await PostgresVideoJobLedger.OpenAsync(connectionString);
            var summary = await new VideoBatchRunner(client, second, runOptions).RunAsync(jobs);
            _output.WriteLine(summary.ToString());

            Assert.True(summary.Count(VideoJobState.Downloaded) + summary.Count(VideoJobState.OutcomeUnknown) == jobs.Count, summary.ToString());
            SimulatorAssert.EachJobCreatedOnce(simulator, jobs.Count - summary.Count(VideoJobState.OutcomeUnknown));
            foreach (var made in simulator.CreatedTasks)
            {
                var job = (await second.FindAsync(jobs.Single(candidate => candidate.Request.Prompt == TestJobs.PromptOf(made)).Key))!;
                Assert.True(job.TaskId == made.CreatedTaskId || job.State == VideoJobState.OutcomeUnknown, job + ": task " + made.CreatedTaskId + " is in the ledger or its job is OutcomeUnknown");
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await AdminAsync(server, "DROP DATABASE IF EXISTS " + databaseName + " WITH (FORCE);");
        }
    }

    private static async Task AdminAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
