using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LemonData.Video.Batch;
using Npgsql;

namespace LemonData.Video.Benchmarks.Batch;

/// <summary>
/// Issue 18's measurements, on the PostgreSQL server <c>LEMONDATA_TEST_POSTGRES</c> names (.ci/run starts one; without it
/// the report says so and measures nothing): 3 workers against 1 on 3,000 jobs whose downloads the video host answers
/// slowly (40 ms each, per connection), each worker a runner with its own ledger instance and its own client, as separate
/// machines would be; and the ledger's own cost per job (calls, and milliseconds the runner waited on them) on
/// PostgreSQL beside SQLite, one worker, 1,000 instant jobs.
/// </summary>
public static class FarmReport
{
    private const int FarmJobs = 3_000;
    private const int CostJobs = 1_000;
    private const int Concurrency = 4;
    private static readonly TimeSpan DownloadDelay = TimeSpan.FromMilliseconds(40);

    public static void Run() => RunAsync().GetAwaiter().GetResult();

    private static async Task RunAsync()
    {
        Console.WriteLine();
        var server = Environment.GetEnvironmentVariable("LEMONDATA_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            Console.WriteLine("// * Farm: not measured: LEMONDATA_TEST_POSTGRES names no PostgreSQL server (.ci/run's PostgreSQL step starts one) *");
            return;
        }

        using var simulator = SimulatorProcess.Start(DownloadDelay);
        Console.WriteLine("// * Farm: " + FarmJobs + " jobs, " + Concurrency + " tasks in flight per worker, downloads answered after " + DownloadDelay.TotalMilliseconds + " ms (simulator in its own process) *");
        await FarmAsync(server, simulator, workers: 1, jobs: 40, "warm");
        var one = await FarmAsync(server, simulator, workers: 1, FarmJobs, "one");
        var three = await FarmAsync(server, simulator, workers: 3, FarmJobs, "three");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Workers | Wall time, s | Jobs/s |"));
        Console.WriteLine("| --- | --- | --- |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| 1 | {one:0.0} | {FarmJobs / one:0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| 3 | {three:0.0} | {FarmJobs / three:0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  speed-up of 3 workers over 1: {one / three:0.00}x"));

        Console.WriteLine();
        Console.WriteLine("// * The ledger's own cost per job: one worker, " + CostJobs + " jobs *");
        Console.WriteLine("| Ledger | Calls per job | Waited on the ledger, ms per job | Wall time, s |");
        Console.WriteLine("| --- | --- | --- | --- |");
        foreach (var postgres in new[] { false, true })
        {
            var (calls, waited, wall) = await LedgerCostAsync(server, simulator, postgres);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {(postgres ? "PostgreSQL 15 (127.0.0.1)" : "SQLite (WAL, FULL sync on Submitting/Created)")} | {calls / (double)CostJobs:0.0} | {waited.TotalMilliseconds / CostJobs:0.00} | {wall:0.0} |"));
        }
    }

    private static async Task<double> FarmAsync(string server, SimulatorProcess simulator, int workers, int jobs, string name)
    {
        var schema = "bench_" + name + "_" + Guid.NewGuid().ToString("N")[..8];
        var folder = Folder(name);
        try
        {
            var clock = Stopwatch.StartNew();
            var runs = Enumerable.Range(0, workers).Select(async _ =>
            {
                await using var ledger = await PostgresVideoJobLedger.OpenAsync(server, new PostgresVideoJobLedgerOptions { Schema = schema });
                return await new VideoBatchRunner(Client(simulator), ledger, new VideoBatchOptions { MaxConcurrentTasks = Concurrency, IdlePollInterval = TimeSpan.FromMilliseconds(200) })
                    .RunAsync(Jobs(folder, jobs, name));
            }).ToList();
            var summaries = await Task.WhenAll(runs);
            var seconds = clock.Elapsed.TotalSeconds;
            if (summaries.Any(summary => summary.Count(VideoJobState.Downloaded) != jobs))
            {
                throw new InvalidOperationException("The farm did not finish its batch: " + string.Join("; ", summaries.Select(summary => summary.ToString())));
            }

            return seconds;
        }
        finally
        {
            await DropSchemaAsync(server, schema);
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(long Calls, TimeSpan Waited, double Wall)> LedgerCostAsync(string server, SimulatorProcess simulator, bool postgres)
    {
        var name = postgres ? "cost-pg" : "cost-sqlite";
        var schema = "bench_cost_" + Guid.NewGuid().ToString("N")[..8];
        var folder = Folder(name);
        try
        {
            IVideoJobLedger inner = postgres
                ? await PostgresVideoJobLedger.OpenAsync(server, new PostgresVideoJobLedgerOptions { Schema = schema })
                : await SqliteVideoJobLedger.OpenAsync(Path.Combine(folder, "ledger.db"));
            await using (inner as IAsyncDisposable)
            {
                var counting = new CountingLedger(inner);
                var clock = Stopwatch.StartNew();
                var summary = await new VideoBatchRunner(Client(simulator), counting, new VideoBatchOptions { MaxConcurrentTasks = Concurrency }).RunAsync(Jobs(folder, CostJobs, name));
                if (summary.Count(VideoJobState.Downloaded) != CostJobs)
                {
                    throw new InvalidOperationException("The cost batch did not finish: " + summary);
                }

                return (counting.Calls, counting.Waited, clock.Elapsed.TotalSeconds);
            }
        }
        finally
        {
            if (postgres)
            {
                await DropSchemaAsync(server, schema);
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    // Each worker its own client (its own connections), as on its own machine.
    private static LemonDataVideoClient Client(SimulatorProcess simulator) => new(simulator.ApiKey, new LemonDataVideoClientOptions
    {
        Endpoint = simulator.Endpoint,
        PollInterval = TimeSpan.FromMilliseconds(10),
        RetryDelay = TimeSpan.FromMilliseconds(10),
    });

    private static System.Collections.Generic.IEnumerable<VideoJob> Jobs(string folder, int count, string name) =>
        Enumerable.Range(1, count).Select(i => new VideoJob("job-" + i, new VideoGenerationRequest { Model = VideoModels.Sora2, Prompt = "A cat, " + name + " take " + i }, Path.Combine(folder, "job-" + i + ".mp4")));

    private static async Task DropSchemaAsync(string server, string schema)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE;", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string Folder(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "lemondata-farm-bench-" + name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
