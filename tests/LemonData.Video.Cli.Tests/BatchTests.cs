using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LemonData.Video.Testing;

namespace LemonData.Video.Cli.Tests;

/// <summary><c>batch run</c> and <c>batch status</c>, in-process, against a simulator, in temporary folders.</summary>
public sealed class BatchTests
{
    private static string[] BatchRun(string jobsFile, string outDir, params string[] more) =>
        Cli.Args(new[] { "batch", "run", jobsFile, "--out-dir", outDir }, Cli.FastPolling, more);

    private static string WriteJobs(TempFolder folder, int count)
    {
        var path = folder.File("jobs.jsonl");
        File.WriteAllLines(path, Enumerable.Range(1, count).Select(i => "{\"id\":\"clip-" + i + "\",\"prompt\":\"A cat, take " + i + "\",\"duration\":5}"));
        return path;
    }

    [Fact]
    public async Task Twelve_jobs_run_to_completion_with_the_files_the_simulator_served_and_exit_0()
    {
        await using var simulator = LemonDataSimulator.Start();
        using var folder = new TempFolder();
        var jobs = WriteJobs(folder, 12);
        var outDir = folder.File("videos");

        var result = await Cli.RunAsync(simulator, BatchRun(jobs, outDir));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(12, simulator.CreatesReceived);
        for (var i = 1; i <= 12; i++)
        {
            var file = Path.Combine(outDir, "clip-" + i + ".mp4");
            Mp4.AssertValid(file);
            Assert.Equal(LemonDataSimulator.SampleVideo.ToArray(), File.ReadAllBytes(file));
        }

        // Redirected output: one line per change of each job, then the summary.
        Assert.Contains("clip-7: Created (task ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("clip-7: Downloaded", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Batch complete: Downloaded 12 (12 jobs).", result.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outDir, ".lemondata-batch.db")));
    }

    [Fact]
    public async Task A_second_run_resumes_and_sends_nothing_new()
    {
        await using var simulator = LemonDataSimulator.Start();
        using var folder = new TempFolder();
        var jobs = WriteJobs(folder, 5);
        var outDir = folder.File("videos");
        var first = await Cli.RunAsync(simulator, BatchRun(jobs, outDir));
        Assert.True(first.ExitCode == 0, first.ToString());
        var requestsAfterFirst = simulator.Requests.Count;

        var second = await Cli.RunAsync(simulator, BatchRun(jobs, outDir));

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(5, simulator.CreatesReceived);

        // Downloaded jobs are checked on disk (size and SHA-256): not even a poll or a download goes out.
        Assert.Equal(requestsAfterFirst, simulator.Requests.Count);
        Assert.Contains("This run created 0 tasks", second.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Max_jobs_ends_not_finished_with_exit_4_and_the_next_run_finishes()
    {
        await using var simulator = LemonDataSimulator.Start();
        using var folder = new TempFolder();
        var jobs = WriteJobs(folder, 4);
        var outDir = folder.File("videos");

        var first = await Cli.RunAsync(simulator, BatchRun(jobs, outDir, "--max-jobs", "1"));
        Assert.True(first.ExitCode == 4, first.ToString());
        Assert.Equal(1, simulator.CreatesReceived);
        Assert.Contains("--max-jobs reached", first.Stdout, StringComparison.Ordinal);

        var second = await Cli.RunAsync(simulator, BatchRun(jobs, outDir));
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(4, simulator.CreatesReceived);
    }

    [Fact]
    public async Task An_invalid_jobs_file_lists_every_problem_with_its_line_and_sends_nothing()
    {
        await using var simulator = LemonDataSimulator.Start();
        using var folder = new TempFolder();
        var jobs = folder.File("jobs.jsonl");
        File.WriteAllLines(jobs, new[]
        {
            "{\"id\":\"good\",\"prompt\":\"A cat\"}",
            "{\"id\":\"broken\",\"prompt\":\"A cat\"",
            "{\"id\":\"camel\",\"prompt\":\"A cat\",\"aspectRatio\":\"16:9\"}",
            "{\"id\":\"long\",\"prompt\":\"A cat\",\"duration\":999}",
            "{\"id\":\"good\",\"prompt\":\"Another cat\"}",
            "{\"id\":\"escape\",\"prompt\":\"A cat\",\"out\":\"../escape.mp4\"}",
            string.Empty,
            "{\"id\":\"rooted\",\"prompt\":\"A cat\",\"out\":\"" + folder.File("rooted.mp4").Replace("\\", "\\\\", StringComparison.Ordinal) + "\"}",
        });
        var outDir = folder.File("videos");

        var result = await Cli.RunAsync(simulator, BatchRun(jobs, outDir));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("6 invalid lines; nothing was sent", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("line 2: not valid JSON", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("line 3: unknown field 'aspectRatio' (did you mean 'aspect_ratio'?)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("line 4: LDV0009 Duration", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("line 5: duplicate id 'good' (first on line 1)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("line 6: \"out\" '../escape.mp4' goes up with '..'", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("line 8: \"out\" '", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("is an absolute path", result.Stderr, StringComparison.Ordinal);

        // Nothing was sent, and no ledger or folder was made for a batch that cannot run.
        Assert.Empty(simulator.Requests);
        Assert.False(Directory.Exists(outDir));

        var json = await Cli.RunAsync(simulator, BatchRun(jobs, outDir, "--json"));
        Assert.Equal(2, json.ExitCode);
        var error = json.Json().GetProperty("error");
        Assert.Equal("invalid_jobs", error.GetProperty("kind").GetString());
        var problems = error.GetProperty("problems").EnumerateArray().ToList();
        Assert.Equal(new[] { 2, 3, 4, 5, 6, 8 }, problems.Select(problem => problem.GetProperty("line").GetInt32()));
        Assert.Equal("LDV0009", problems[2].GetProperty("id").GetString());
        Assert.Empty(simulator.Requests);
    }

    [Fact]
    public async Task Skip_invalid_lists_the_lines_it_leaves_out_and_runs_the_others()
    {
        await using var simulator = LemonDataSimulator.Start();
        using var folder = new TempFolder();
        var jobs = folder.File("jobs.jsonl");
        File.WriteAllLines(jobs, new[]
        {
            "{\"id\":\"first\",\"prompt\":\"A cat\"}",
            "{\"id\":\"broken\",\"prompt\":\"A cat\"",
            "{\"id\":\"long\",\"prompt\":\"A cat\",\"duration\":999}",
            "{\"id\":\"first\",\"prompt\":\"Another cat\"}",
            "{\"id\":\"second\",\"prompt\":\"A dog\"}",
        });
        var outDir = folder.File("videos");

        var result = await Cli.RunAsync(simulator, BatchRun(jobs, outDir, "--skip-invalid"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("--skip-invalid: 3 lines left out; running the other 2 jobs", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("line 2: not valid JSON", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("line 3: LDV0009 Duration", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("line 4: duplicate id 'first' (first on line 1)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("3 lines were left out by --skip-invalid", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(new[] { "A cat", "A dog" }, simulator.CreatedTasks.Select(task => JsonDocument.Parse(task.Body).RootElement.GetProperty("prompt").GetString()).OrderBy(prompt => prompt));

        var status = (await Cli.RunAsync(simulator, "batch", "status", "--out-dir", outDir, "--json")).Json();
        Assert.Equal(new[] { "first", "second" }, status.GetProperty("jobs").EnumerateArray().Select(job => job.GetProperty("id").GetString()).OrderBy(id => id));

        // A file with no line that can run is invalid input even with --skip-invalid.
        File.WriteAllLines(jobs, new[] { "{\"prompt\":" });
        var nothing = await Cli.RunAsync(simulator, BatchRun(jobs, outDir, "--skip-invalid"));
        Assert.True(nothing.ExitCode == 2, nothing.ToString());
        Assert.Contains("line 1: not valid JSON", nothing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_lists_counts_and_every_job_with_its_sha256_and_json_follows_the_contract()
    {
        await using var simulator = LemonDataSimulator.Start();
        using var folder = new TempFolder();
        var jobs = WriteJobs(folder, 3);
        var outDir = folder.File("videos");
        var run = await Cli.RunAsync(simulator, BatchRun(jobs, outDir, "--json"));
        Assert.True(run.ExitCode == 0, run.ToString());

        // --json on run: one summary document on stdout, one JSON line per change on stderr.
        var summary = run.Json();
        Assert.Equal(0, summary.GetProperty("exitCode").GetInt32());
        Assert.Equal(3, summary.GetProperty("counts").GetProperty("Downloaded").GetInt32());
        Assert.Equal(3, summary.GetProperty("created").GetInt32());
        var changes = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => line.StartsWith('{')).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
        Assert.Equal(3, changes.Count(change => change.GetProperty("state").GetString() == "Downloaded"));

        var text = await Cli.RunAsync(simulator, "batch", "status", "--out-dir", outDir);
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains("3 jobs: Downloaded 3.", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("Every video is saved.", text.Stdout, StringComparison.Ordinal);

        var status = await Cli.RunAsync(simulator, "batch", "status", "--ledger", Path.Combine(outDir, ".lemondata-batch.db"), "--json");
        Assert.True(status.ExitCode == 0, status.ToString());
        var document = status.Json();
        var counts = document.GetProperty("counts");
        Assert.Equal(
            new[] { "Planned", "Submitting", "Created", "Completed", "Downloaded", "Failed", "Refused", "OutcomeUnknown" },
            counts.EnumerateObject().Select(property => property.Name));
        Assert.Equal(3, counts.GetProperty("Downloaded").GetInt32());
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(LemonDataSimulator.SampleVideo.Span));
        var listed = document.GetProperty("jobs").EnumerateArray().ToList();
        Assert.Equal(new[] { "clip-1", "clip-2", "clip-3" }, listed.Select(job => job.GetProperty("id").GetString()));
        foreach (var job in listed)
        {
            Assert.Equal("Downloaded", job.GetProperty("state").GetString());
            Assert.StartsWith("ldtask_", job.GetProperty("task_id").GetString(), StringComparison.Ordinal);
            Assert.Equal(sha256, job.GetProperty("sha256").GetString());
            Assert.Equal(Path.Combine(outDir, job.GetProperty("id").GetString() + ".mp4"), job.GetProperty("file").GetString());
            Assert.Equal(JsonValueKind.Null, job.GetProperty("error").ValueKind);
        }

        // Status reads the ledger only.
        Assert.Equal(3, simulator.CreatesReceived);
    }

    [Fact]
    public async Task Status_of_a_folder_without_a_ledger_is_invalid_input_and_creates_nothing()
    {
        using var folder = new TempFolder();
        var result = await Cli.RunAsync(new Dictionary<string, string?>(), CancellationToken.None, "batch", "status", "--out-dir", folder.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("There is no batch ledger", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task Without_a_key_it_runs_on_the_offline_simulator_and_a_later_run_with_a_key_refuses_to_mix_the_two()
    {
        using var folder = new TempFolder();
        var jobs = WriteJobs(folder, 3);
        var outDir = folder.File("videos");
        var noKey = new Dictionary<string, string?> { ["LEMONDATA_SIMULATOR_PROCESSING_MS"] = "0" };

        var simulated = await Cli.RunAsync(noKey, CancellationToken.None, BatchRun(jobs, outDir));
        Assert.True(simulated.ExitCode == 0, simulated.ToString());
        Assert.Contains("offline simulator", simulated.Stdout, StringComparison.Ordinal);
        Assert.Equal(LemonDataSimulator.SampleVideo.ToArray(), File.ReadAllBytes(Path.Combine(outDir, "clip-2.mp4")));

        await using var service = LemonDataSimulator.Start();
        var withKey = await Cli.RunAsync(service, BatchRun(jobs, outDir));

        Assert.True(withKey.ExitCode == 2, withKey.ToString());
        Assert.Contains("was run against the offline simulator", withKey.Stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was sent", withKey.Stderr, StringComparison.Ordinal);
        Assert.Empty(service.Requests);

        // --simulate goes on with the simulated batch (and finds nothing left to do).
        var again = await Cli.RunAsync(Cli.EnvironmentFor(service), CancellationToken.None, BatchRun(jobs, outDir, "--simulate"));
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Empty(service.Requests);
    }

    [Fact]
    public async Task A_ledger_of_the_service_is_not_continued_on_the_simulator()
    {
        await using var service = LemonDataSimulator.Start();
        using var folder = new TempFolder();
        var jobs = WriteJobs(folder, 1);
        var outDir = folder.File("videos");
        var real = await Cli.RunAsync(service, BatchRun(jobs, outDir));
        Assert.True(real.ExitCode == 0, real.ToString());

        var noKey = new Dictionary<string, string?> { ["LEMONDATA_SIMULATOR_PROCESSING_MS"] = "0" };
        var simulated = await Cli.RunAsync(noKey, CancellationToken.None, BatchRun(jobs, outDir));

        Assert.True(simulated.ExitCode == 2, simulated.ToString());
        Assert.Contains("was run against the LemonData service", simulated.Stderr, StringComparison.Ordinal);
    }
}
