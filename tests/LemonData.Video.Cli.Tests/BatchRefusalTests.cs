using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Threading.Tasks;
using LemonData.Video.Batch;
using LemonData.Video.Testing;
using Microsoft.Data.Sqlite;

namespace LemonData.Video.Cli.Tests;

/// <summary>
/// Batches the tool will not start or cannot go on with: a ledger it must not touch, an account out of credit, a key the
/// service refuses, a service it cannot reach. Each ends with the contract's exit code and a message a person can act on.
/// </summary>
public sealed class BatchRefusalTests
{
    private static string[] BatchRun(string jobsFile, string outDir) =>
        Cli.Args(new[] { "batch", "run", jobsFile, "--out-dir", outDir, "--concurrency", "2" }, Cli.FastPolling);

    private static string WriteJobs(TempFolder folder, int count)
    {
        var path = folder.File("jobs.jsonl");
        File.WriteAllLines(path, Enumerable.Range(1, count).Select(i => "{\"id\":\"clip-" + i + "\",\"prompt\":\"A cat, take " + i + "\"}"));
        return path;
    }

    [Fact]
    public async Task A_ledger_of_a_newer_version_is_refused_with_exit_2_naming_the_file_and_left_as_it_was()
    {
        await using var simulator = LemonDataSimulator.Start();
        using var folder = new TempFolder();
        var jobs = WriteJobs(folder, 2);
        var outDir = folder.File("videos");
        var ledgerPath = Path.Combine(outDir, ".lemondata-batch.db");
        await using (var ledger = await SqliteVideoJobLedger.OpenAsync(ledgerPath))
        {
            await ledger.PlanAsync(Array.Empty<VideoJob>());
        }

        using (var connection = new SqliteConnection("Data Source=" + ledgerPath + ";Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = " + (SqliteVideoJobLedger.SchemaVersion + 1) + ";";
            command.ExecuteNonQuery();
        }

        var before = Hash(ledgerPath);

        var run = await Cli.RunAsync(simulator, BatchRun(jobs, outDir));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(ledgerPath, run.Stderr, StringComparison.Ordinal);
        Assert.Contains("newer version", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, simulator.CreatesReceived);
        Assert.Equal(before, Hash(ledgerPath));
    }

    [Fact]
    public async Task A_corrupt_ledger_is_refused_with_exit_2_naming_the_file_and_left_as_it_was()
    {
        await using var simulator = LemonDataSimulator.Start();
        using var folder = new TempFolder();
        var jobs = WriteJobs(folder, 2);
        var outDir = folder.File("videos");
        Directory.CreateDirectory(outDir);
        var ledgerPath = Path.Combine(outDir, ".lemondata-batch.db");
        var garbage = new byte[4096];
        new Random(3).NextBytes(garbage);
        File.WriteAllBytes(ledgerPath, garbage);

        var run = await Cli.RunAsync(simulator, BatchRun(jobs, outDir));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(ledgerPath, run.Stderr, StringComparison.Ordinal);
        Assert.Contains("not a LemonData batch ledger", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, simulator.CreatesReceived);
        Assert.Equal(garbage, File.ReadAllBytes(ledgerPath));

        var status = await Cli.RunAsync(simulator, "batch", "status", "--out-dir", outDir);
        Assert.True(status.ExitCode == 2, status.ToString());
        Assert.Contains(ledgerPath, status.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_402_halfway_saves_the_paid_videos_leaves_the_rest_planned_names_the_balance_and_exits_4()
    {
        // Credit for 3 videos of 8.
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { BalanceUsd = 1.6m, VideoCostUsd = 0.5m, PollsPerStage = 2 });
        using var folder = new TempFolder();
        var jobs = WriteJobs(folder, 8);
        var outDir = folder.File("videos");

        var run = await Cli.RunAsync(simulator, BatchRun(jobs, outDir));

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains("Batch not finished", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("0.1", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("402", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(3, simulator.CreatedTasks.Count);

        var status = (await Cli.RunAsync(simulator, "batch", "status", "--out-dir", outDir, "--json")).Json();
        Assert.Equal(3, status.GetProperty("counts").GetProperty("Downloaded").GetInt32());
        Assert.Equal(5, status.GetProperty("counts").GetProperty("Planned").GetInt32());

        // Credit added: the same command finishes the five, and pays for none of the three again.
        simulator.BalanceUsd = 10m;
        var resumed = await Cli.RunAsync(simulator, BatchRun(jobs, outDir));
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Equal(8, simulator.CreatedTasks.Count);
        Assert.Equal(8, simulator.CreatedTasks.Select(task => task.Body).Distinct().Count());
    }

    [Fact]
    public async Task A_key_the_service_refuses_stops_the_run_with_exit_3_and_sends_no_job_twice()
    {
        await using var simulator = LemonDataSimulator.Start();
        using var folder = new TempFolder();
        var jobs = WriteJobs(folder, 3);
        var outDir = folder.File("videos");
        var environment = Cli.EnvironmentFor(simulator);
        environment["LEMONDATA_API_KEY"] = "not-a-key";

        var run = await Cli.RunAsync(environment, default, BatchRun(jobs, outDir));

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("401", run.AllOutput, StringComparison.Ordinal);
        Assert.Empty(simulator.CreatedTasks);

        // Nothing was created, so the jobs wait as Planned; with the right key the same command makes them.
        var resumed = await Cli.RunAsync(simulator, BatchRun(jobs, outDir));
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Equal(3, simulator.CreatedTasks.Count);
    }

    [Fact]
    public async Task A_service_that_cannot_be_reached_stops_the_run_with_exit_3_and_the_jobs_wait_planned()
    {
        using var folder = new TempFolder();
        var jobs = WriteJobs(folder, 2);
        var outDir = folder.File("videos");
        var environment = new System.Collections.Generic.Dictionary<string, string?>
        {
            ["LEMONDATA_API_KEY"] = "sk-test",
            ["LEMONDATA_BASE_URL"] = "http://127.0.0.1:" + ClosedPort() + "/",
        };

        var run = await Cli.RunAsync(environment, default, BatchRun(jobs, outDir));

        Assert.True(run.ExitCode == 3, run.ToString());
        var status = (await Cli.RunAsync(environment, default, "batch", "status", "--out-dir", outDir, "--json")).Json();
        Assert.Equal(2, status.GetProperty("counts").GetProperty("Planned").GetInt32());
    }

    private static int ClosedPort()
    {
        // A port that was free a moment ago: nothing listens on it.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
