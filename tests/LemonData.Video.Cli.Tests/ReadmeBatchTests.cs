using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using LemonData.Video.PackageTests.Support;
using LemonData.Video.Testing;

namespace LemonData.Video.Cli.Tests;

/// <summary>The README's "Many videos: batches" run as written: its jobs.jsonl, then its three commands, with no key.</summary>
public sealed class ReadmeBatchTests
{
    [Fact]
    public async Task The_READMEs_jobs_file_runs_with_no_key_then_runs_again_sending_nothing_and_status_lists_every_file()
    {
        var section = ReadmeSection.Read("## Many videos: batches");
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("jobs.jsonl"), Assert.Single(section.CodeBlocks("jsonl")));
        // The section's first example (the "Many workers" one below it needs a database of your own).
        var commands = section.Commands("lemondata-video batch ").Where(command => command.Contains("--out-dir videos", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, commands.Count);

        // No key: the offline simulator, as the README says.
        var environment = new Dictionary<string, string?> { ["LEMONDATA_SIMULATOR_PROCESSING_MS"] = "50" };
        var first = await RunAsync(folder, environment, commands[0]);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("This run created 3 tasks", first.Stdout, StringComparison.Ordinal);
        foreach (var file in new[] { "cat-garden.mp4", "vertical/fox.mp4" })
        {
            Mp4.AssertValid(Path.Combine(folder.Path, "videos", file));
        }

        var again = await RunAsync(folder, environment, commands[1]);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("This run created 0 tasks", again.Stdout, StringComparison.Ordinal);

        var status = await RunAsync(folder, environment, commands[2]);
        Assert.True(status.ExitCode == 0, status.ToString());
        var jobs = status.Json().GetProperty("jobs").EnumerateArray().ToList();
        Assert.Equal(3, jobs.Count);
        foreach (var job in jobs)
        {
            Assert.Equal("Downloaded", job.GetProperty("state").GetString());
            var file = job.GetProperty("file").GetString()!;
            Assert.Equal(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file))).ToLowerInvariant(), job.GetProperty("sha256").GetString());
        }
    }

    // "lemondata-video batch run jobs.jsonl --out-dir videos ..." run in the folder, as a user's shell would.
    private static Task<CliResult> RunAsync(TempFolder folder, IDictionary<string, string?> environment, string command)
    {
        var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        return Cli.RunInAsync(folder.Path, environment, args);
    }
}
