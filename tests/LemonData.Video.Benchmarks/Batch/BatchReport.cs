using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LemonData.Video.Batch;

namespace LemonData.Video.Benchmarks.Batch;

/// <summary>
/// Issue 17's targets for the batch runner, against a simulator in its own process whose tasks complete at once (so the
/// runner's own cost shows, not the service's time):
/// wall time of 1,000 jobs through <see cref="VideoBatchRunner"/> and its SQLite ledger within 1.2x of a plain loop of
/// <c>GenerateVideoAsync</c> plus a file write at the same concurrency (3 alternating rounds, medians); and 10,000 jobs
/// with the managed heap growing less than 50 MB (peak sampled every 10 ms, and after a full collection).
/// </summary>
public static class BatchReport
{
    private const int Concurrency = 8;
    private const int WallJobs = 1_000;
    private const int MemoryJobs = 10_000;
    private const int Rounds = 3;
    private const long MemoryLimit = 50L * 1024 * 1024;

    public static void Run() => RunAsync().GetAwaiter().GetResult();

    private static async Task RunAsync()
    {
        using var simulator = SimulatorProcess.Start();
        var client = new LemonDataVideoClient(simulator.ApiKey, new LemonDataVideoClientOptions
        {
            Endpoint = simulator.Endpoint,
            PollInterval = TimeSpan.FromMilliseconds(10),
            RetryDelay = TimeSpan.FromMilliseconds(10),
        });

        Console.WriteLine();
        Console.WriteLine("// * Batch: " + WallJobs + " jobs, " + Concurrency + " in flight, instant tasks (simulator in its own process) *");
        Console.WriteLine("| Round | Plain loop, s | Runner + SQLite ledger, s | Ratio |");
        Console.WriteLine("| --- | --- | --- | --- |");

        // Warm-up: JIT, connections, SQLite's native library.
        await PlainLoopAsync(client, 40, "warm");
        await RunnerAsync(client, 40, "warm");

        var plain = new List<double>();
        var runner = new List<double>();
        for (var round = 1; round <= Rounds; round++)
        {
            plain.Add(await PlainLoopAsync(client, WallJobs, "plain-" + round));
            runner.Add(await RunnerAsync(client, WallJobs, "runner-" + round));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {round} | {plain[^1]:0.00} | {runner[^1]:0.00} | {runner[^1] / plain[^1]:0.00} |"));
        }

        var ratio = Median(runner) / Median(plain);
        Targets.Check("Batch runner", "1,000 instant jobs within 1.2x of a plain GenerateVideoAsync + file loop (same concurrency)",
            string.Create(CultureInfo.InvariantCulture, $"{ratio:0.00}x (median {Median(runner):0.00} s vs {Median(plain):0.00} s, {WallJobs / Median(runner):0} jobs/s)"),
            ratio <= 1.2);

        var (seconds, peak, retained, ledgerBytes) = await MeasureMemoryAsync(client);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {MemoryJobs:N0} jobs in {seconds:0.0} s ({MemoryJobs / seconds:0} jobs/s); heap peak +{peak / 1048576.0:0.0} MB, after GC +{retained / 1048576.0:0.0} MB; ledger file {ledgerBytes / 1048576.0:0.0} MB"));
        Targets.Check("Batch runner", "10,000 jobs with memory growth < 50 MB",
            string.Create(CultureInfo.InvariantCulture, $"heap peak +{peak / 1048576.0:0.0} MB, after GC +{retained / 1048576.0:0.0} MB"),
            peak < MemoryLimit && retained < MemoryLimit);
    }

    // What a user writes without the runner: N at a time, generate, then save the video.
    private static async Task<double> PlainLoopAsync(LemonDataVideoClient client, int count, string name)
    {
        var folder = Folder(name);
        try
        {
            var clock = Stopwatch.StartNew();
            using var slots = new SemaphoreSlim(Concurrency);
            var work = Enumerable.Range(1, count).Select(async i =>
            {
                await slots.WaitAsync();
                try
                {
                    var task = await client.GenerateVideoAsync(Request(name, i));
                    await using var file = new FileStream(Path.Combine(folder, "job-" + i + ".mp4"), FileMode.Create, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
                    await client.DownloadVideoAsync(task, file);
                }
                finally
                {
                    slots.Release();
                }
            }).ToList();
            await Task.WhenAll(work);
            return clock.Elapsed.TotalSeconds;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<double> RunnerAsync(LemonDataVideoClient client, int count, string name)
    {
        var folder = Folder(name);
        try
        {
            var clock = Stopwatch.StartNew();
            var summary = await RunBatchAsync(client, folder, count, name);
            var seconds = clock.Elapsed.TotalSeconds;
            if (!summary.IsComplete || summary.Count(VideoJobState.Downloaded) != count)
            {
                throw new InvalidOperationException("The benchmark batch did not complete: " + summary);
            }

            return seconds;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(double Seconds, long Peak, long Retained, long LedgerBytes)> MeasureMemoryAsync(LemonDataVideoClient client)
    {
        var folder = Folder("memory");
        try
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var peak = before;
            using var stop = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                    await Task.Delay(10);
                }
            });

            var clock = Stopwatch.StartNew();
            var summary = await RunBatchAsync(client, folder, MemoryJobs, "memory");
            var seconds = clock.Elapsed.TotalSeconds;
            stop.Cancel();
            await sampler;
            if (summary.Count(VideoJobState.Downloaded) != MemoryJobs)
            {
                throw new InvalidOperationException("The memory batch did not complete: " + summary);
            }

            var after = GC.GetTotalMemory(forceFullCollection: true);
            return (seconds, peak - before, after - before, new FileInfo(Path.Combine(folder, "ledger.db")).Length);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<VideoBatchSummary> RunBatchAsync(LemonDataVideoClient client, string folder, int count, string name)
    {
        await using var ledger = await SqliteVideoJobLedger.OpenAsync(Path.Combine(folder, "ledger.db"));

        // The jobs are made as the ledger plans them: a batch of any size is never a list in memory.
        var jobs = Enumerable.Range(1, count).Select(i => new VideoJob("job-" + i, Request(name, i), Path.Combine(folder, "job-" + i + ".mp4")));
        return await new VideoBatchRunner(client, ledger, new VideoBatchOptions { MaxConcurrentTasks = Concurrency }).RunAsync(jobs);
    }

    private static VideoGenerationRequest Request(string name, int i) => new() { Model = VideoModels.Sora2, Prompt = "A cat, " + name + " take " + i };

    private static string Folder(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "lemondata-batch-bench-" + name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(value => value).ToList();
        return sorted[sorted.Count / 2];
    }
}
