using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LemonData.Video.Testing;

namespace LemonData.Video.Cli.Tests.SharedLedger;

/// <summary><c>batch run</c> and <c>batch status</c> on a PostgreSQL ledger: several runs of one batch as workers of it.</summary>
public sealed class SharedLedgerTests
{
    private static string WriteJobs(TempFolder folder, int count)
    {
        var path = folder.File("jobs.jsonl");
        File.WriteAllLines(path, Enumerable.Range(1, count).Select(i => "{\"id\":\"clip-" + i + "\",\"prompt\":\"A cat, take " + i + "\"}"));
        return path;
    }

    [SkippableFact]
    public async Task Two_runs_of_one_batch_on_one_connection_share_the_work_and_create_each_job_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { ProcessingTime = TimeSpan.FromMilliseconds(200) });
        using var folder = new TempFolder();
        var jobs = WriteJobs(folder, 24);
        var outDir = folder.File("videos");
        var args = Cli.Args(new[] { "batch", "run", jobs, "--out-dir", outDir, "--concurrency", "3", "--ledger-connection", database.ConnectionString }, Cli.FastPolling);

        var first = Cli.RunAsync(simulator, args);
        var second = Cli.RunAsync(simulator, args);
        var results = await Task.WhenAll(first, second);

        Assert.All(results, result => Assert.True(result.ExitCode == 0, result.ToString()));
        Assert.Equal(24, simulator.CreatedTasks.Count);
        Assert.Equal(24, simulator.CreatedTasks.Select(task => task.Body).Distinct().Count());

        // Both worked: each recorded some of the jobs' changes.
        Assert.All(results, result => Assert.Contains(": Created (task ", result.Stdout, StringComparison.Ordinal));

        // batch status reads the same ledger from LEMONDATA_BATCH_LEDGER, with the password never printed.
        var environment = Cli.EnvironmentFor(simulator);
        environment["LEMONDATA_BATCH_LEDGER"] = database.ConnectionString;
        var status = await Cli.RunAsync(environment, CancellationToken.None, "batch", "status", "--json");
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Equal(24, status.Json().GetProperty("counts").GetProperty("Downloaded").GetInt32());
        var text = await Cli.RunAsync(environment, CancellationToken.None, "batch", "status");
        Assert.Contains("PostgreSQL ledger on host ", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("Every video is saved.", text.Stdout, StringComparison.Ordinal);

        // Run again: nothing is sent.
        var again = await Cli.RunAsync(simulator, args);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(24, simulator.CreatesReceived);
    }

    [SkippableFact]
    public async Task Two_batches_in_two_schemas_of_one_database_stay_apart_and_a_name_that_is_not_a_schema_is_invalid_input()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var simulator = LemonDataSimulator.Start();
        using var folder = new TempFolder();
        var jobs = WriteJobs(folder, 3);
        string[] Run(string schema, string outDir) => Cli.Args(new[] { "batch", "run", jobs, "--out-dir", folder.File(outDir), "--ledger-connection", database.ConnectionString, "--ledger-schema", schema }, Cli.FastPolling);

        var first = await Cli.RunAsync(simulator, Run("ads_monday", "monday"));
        var second = await Cli.RunAsync(simulator, Run("ads_tuesday", "tuesday"));

        // The same jobs file, two batches: each made its own three videos.
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(6, simulator.CreatedTasks.Count);
        var monday = await Cli.RunAsync(simulator, "batch", "status", "--json", "--ledger-connection", database.ConnectionString, "--ledger-schema", "ads_monday");
        Assert.All(monday.Json().GetProperty("jobs").EnumerateArray(), job => Assert.StartsWith(folder.File("monday"), job.GetProperty("file").GetString(), StringComparison.Ordinal));

        var invalid = await Cli.RunAsync(simulator, Run("Ads; DROP", "x"));
        Assert.True(invalid.ExitCode == 2, invalid.ToString());
        Assert.Contains("--ledger-schema 'Ads; DROP'", invalid.Stderr, StringComparison.Ordinal);
        Assert.Equal(6, simulator.CreatesReceived);
    }

    [SkippableFact]
    public async Task A_database_that_goes_away_mid_run_ends_it_not_finished_with_exit_4_and_the_same_command_resumes_it()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { ProcessingTime = TimeSpan.FromMilliseconds(300) });
        using var folder = new TempFolder();
        var jobs = WriteJobs(folder, 30);
        // A 5 s lease: the stopped run could not let go of its tasks (the database was gone), so the next run takes them
        // over once it ends.
        var args = Cli.Args(new[] { "batch", "run", jobs, "--out-dir", folder.File("videos"), "--concurrency", "4", "--lease", "5", "--ledger-connection", database.ConnectionString }, Cli.FastPolling);

        var running = Cli.RunAsync(simulator, args);
        while (simulator.CreatesReceived < 6)
        {
            await Task.Delay(10);
        }

        await database.GoAwayAsync();
        var stopped = await running;

        Assert.True(stopped.ExitCode == 4, stopped.ToString());
        Assert.Contains("Batch not finished: the ledger stopped working mid-run", stopped.Stderr, StringComparison.Ordinal);
        Assert.Contains("run the same command again to resume", stopped.Stderr, StringComparison.Ordinal);
        Assert.True(simulator.CreatesReceived < 30, "the run stopped before sending every create");

        await database.ComeBackAsync();
        var resumed = await Cli.RunAsync(simulator, args);

        Assert.True(resumed.ExitCode is 0 or 4, resumed.ToString());
        Assert.Equal(simulator.CreatedTasks.Count, simulator.CreatedTasks.Select(task => task.Body).Distinct().Count());
        var status = (await Cli.RunAsync(simulator, "batch", "status", "--json", "--ledger-connection", database.ConnectionString)).Json();
        var counts = status.GetProperty("counts");
        Assert.Equal(30, counts.GetProperty("Downloaded").GetInt32() + counts.GetProperty("OutcomeUnknown").GetInt32());
    }

    [Fact]
    public async Task A_connection_that_cannot_be_made_is_refused_with_exit_2_naming_the_server_but_not_the_password()
    {
        await using var simulator = LemonDataSimulator.Start();
        using var folder = new TempFolder();
        var jobs = WriteJobs(folder, 2);
        var connection = "Host=127.0.0.1;Port=" + ClosedPort() + ";Database=videos;Username=batch;Password=s3cret-pw;Timeout=3";

        var run = await Cli.RunAsync(simulator, "batch", "run", jobs, "--out-dir", folder.File("videos"), "--ledger-connection", connection);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("127.0.0.1", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("'videos'", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", run.AllOutput, StringComparison.Ordinal);
        Assert.Equal(0, simulator.CreatesReceived);

        var malformed = await Cli.RunAsync(simulator, "batch", "run", jobs, "--out-dir", folder.File("videos"), "--ledger-connection", "Hots=db;Password=s3cret-pw");
        Assert.True(malformed.ExitCode == 2, malformed.ToString());
        Assert.DoesNotContain("s3cret-pw", malformed.AllOutput, StringComparison.Ordinal);
        Assert.Equal(0, simulator.CreatesReceived);
    }

    [Fact]
    public async Task A_file_and_a_connection_together_or_a_lease_on_a_file_ledger_are_invalid_input()
    {
        await using var simulator = LemonDataSimulator.Start();
        using var folder = new TempFolder();
        var jobs = WriteJobs(folder, 1);

        var both = await Cli.RunAsync(simulator, "batch", "run", jobs, "--out-dir", folder.File("videos"), "--ledger", folder.File("l.db"), "--ledger-connection", "Host=127.0.0.1");
        Assert.True(both.ExitCode == 2, both.ToString());
        Assert.Contains("not both", both.Stderr, StringComparison.Ordinal);

        var lease = await Cli.RunAsync(simulator, "batch", "run", jobs, "--out-dir", folder.File("videos"), "--lease", "5");
        Assert.True(lease.ExitCode == 2, lease.ToString());
        Assert.Contains("--lease applies to a shared ledger", lease.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, simulator.CreatesReceived);
    }

    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
