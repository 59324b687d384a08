using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using LemonData.Video.Testing;

namespace LemonData.Video.Cli.Tests;

/// <summary>
/// The service's model contracts in the tool: <c>models sync</c> writes lemondata-models.json, <c>models</c> says where its
/// list comes from, and <c>generate</c> checks a model's lists before a paid job is sent, by the file or by asking the
/// service, and never refuses a model the service knows.
/// </summary>
public sealed class ModelContractTests
{
    private static Dictionary<string, string?> NoKey() => new()
    {
        ["LEMONDATA_SIMULATOR_PROCESSING_MS"] = "0",
    };

    [Fact]
    public async Task Sync_writes_a_file_that_Load_reads_back_unchanged()
    {
        using var folder = new TempFolder();

        var result = await Cli.RunInAsync(folder.Path, NoKey(), "models", "sync");

        Assert.True(result.ExitCode == 0, result.ToString());
        var path = folder.File(VideoModelCatalog.DefaultFileName);
        Assert.Contains("Wrote " + path, result.Stdout, StringComparison.Ordinal);
        var written = File.ReadAllText(path);
        var catalog = VideoModelCatalog.Load(path);
        Assert.True(catalog.TryGetModel("seedance-2.0-fast", out var fast));
        Assert.Equal(new[] { "480p", "720p" }, fast.Resolutions);
        Assert.Equal(new[] { 4, 5, 6, 8, 10, 12, 15 }, fast.Durations);
        Assert.True(catalog.TryGetModel("viduq3-turbo", out var vidu));
        Assert.Equal(new[] { "540p", "720p", "1080p" }, vidu.Resolutions);
        Assert.Equal("simulator", catalog.Source);

        // Every model of the file, written again: byte for byte the same file.
        var ids = System.Text.RegularExpressions.Regex.Matches(written, "\"id\": \"([^\"]+)\"").Select(match => match.Groups[1].Value).ToHashSet();
        using var again = new MemoryStream();
        VideoModelCatalog.WriteFile(again, catalog.Models.Where(model => ids.Contains(model.Id)), catalog.Source, catalog.SyncedAt);
        Assert.Equal(written, Encoding.UTF8.GetString(again.ToArray()));
        Assert.Equal(VideoModelCatalog.All.Count, ids.Count);
    }

    [Fact]
    public async Task Models_says_its_list_comes_from_the_file_and_shows_the_lists()
    {
        using var folder = new TempFolder();
        Assert.Equal(0, (await Cli.RunInAsync(folder.Path, NoKey(), "models", "sync", "--out", "models.json")).ExitCode);

        var result = await Cli.RunInAsync(folder.Path, NoKey(), "models", "--models-file", "models.json");
        var json = await Cli.RunInAsync(folder.Path, NoKey(), "models", "--models-file", "models.json", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Source: " + folder.File("models.json") + ", synced ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("| seedance-2.0-fast ", result.Stdout, StringComparison.Ordinal);
        var fast = json.Json().GetProperty("models").EnumerateArray().Single(model => model.GetProperty("id").GetString() == "seedance-2.0-fast");
        Assert.Equal(new[] { "480p", "720p" }, fast.GetProperty("resolutions").EnumerateArray().Select(value => value.GetString()));
        Assert.Equal(new[] { 4, 5, 6, 8, 10, 12, 15 }, fast.GetProperty("durations").EnumerateArray().Select(value => value.GetInt32()));
        Assert.StartsWith(folder.File("models.json"), json.Json().GetProperty("source").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Models_live_asks_the_service()
    {
        using var simulator = LemonDataSimulator.Start();

        var result = await Cli.RunAsync(simulator, "models", "--live", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("the service at " + simulator.Endpoint, result.Json().GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, simulator.CountRequests("GET", "/v1/models"));
    }

    [Fact]
    public async Task Offline_a_newer_model_makes_a_playable_video()
    {
        using var folder = new TempFolder();
        var output = folder.File("cat.mp4");

        var result = await Cli.RunInAsync(folder.Path, NoKey(), "generate", "--model", "seedance-2.0-fast", "--prompt", "A cat", "--out", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        Mp4.AssertValid(output);
    }

    [Fact]
    public async Task Offline_a_resolution_the_model_does_not_offer_is_LDV0013_naming_the_offered_ones()
    {
        using var folder = new TempFolder();

        var result = await Cli.RunInAsync(folder.Path, NoKey(), "generate", "--model", "seedance-2.0-fast", "--resolution", "4k", "--prompt", "A cat", "--out", folder.File("cat.mp4"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("LDV0013", result.AllOutput, StringComparison.Ordinal);
        Assert.Contains("480p, 720p", result.AllOutput, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("cat.mp4")));
    }

    [Fact]
    public async Task Offline_an_unknown_model_is_LDV0001_after_the_service_said_404()
    {
        using var folder = new TempFolder();

        var result = await Cli.RunInAsync(folder.Path, NoKey(), "generate", "--model", "no-such-model", "--prompt", "A cat", "--out", folder.File("cat.mp4"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("LDV0001", result.AllOutput, StringComparison.Ordinal);
        Assert.Contains("404", result.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Against_the_service_the_lists_are_looked_up_and_no_paid_job_is_sent()
    {
        using var simulator = LemonDataSimulator.Start();
        using var folder = new TempFolder();

        var result = await Cli.RunInAsync(folder.Path, Cli.EnvironmentFor(simulator), "generate", "--model", "seedance-2.0-fast", "--resolution", "4k", "--prompt", "A cat");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("LDV0013", result.AllOutput, StringComparison.Ordinal);
        Assert.Equal(1, simulator.CountRequests("GET", "/v1/models/seedance-2.0-fast"));
        Assert.Equal(0, simulator.CreatesReceived);
    }

    [Fact]
    public async Task With_a_models_file_in_the_folder_the_lists_are_checked_before_anything_starts()
    {
        using var simulator = LemonDataSimulator.Start();
        using var folder = new TempFolder();
        File.WriteAllText(folder.File(VideoModelCatalog.DefaultFileName), """
            {"format": "lemondata-video-models/1", "models": [{"id": "sora-2", "provider": "OpenAI", "capabilities": ["text-to-video"], "durations": [4, 8, 12]}]}
            """);

        var result = await Cli.RunInAsync(folder.Path, Cli.EnvironmentFor(simulator), "generate", "--duration", "10", "--prompt", "A cat");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("LDV0009", result.AllOutput, StringComparison.Ordinal);
        Assert.Contains("4, 8, 12 seconds", result.AllOutput, StringComparison.Ordinal);
        Assert.Empty(simulator.Requests);
    }

    [Fact]
    public async Task A_models_file_that_is_missing_or_bad_is_invalid_input_naming_the_file_and_line()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("bad.json"), "{\n  \"format\": \"lemondata-video-models/1\",\n  \"models\": [{\"id\": \"a\", \"durations\": [0]}]\n}");

        var missing = await Cli.RunInAsync(folder.Path, NoKey(), "generate", "--prompt", "A cat", "--models-file", "nope.json");
        var bad = await Cli.RunInAsync(folder.Path, NoKey(), "models", "--models-file", "bad.json");

        Assert.True(missing.ExitCode == 2, missing.ToString());
        Assert.Contains(folder.File("nope.json"), missing.AllOutput, StringComparison.Ordinal);
        Assert.True(bad.ExitCode == 2, bad.ToString());
        Assert.Contains(folder.File("bad.json") + "(3): models[0].durations[0]", bad.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_texts_quote_the_limits_of_the_document()
    {
        var result = await Cli.RunAsync(new Dictionary<string, string?>(), default, "generate", "--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Frames per second (" + VideoLimits.MinFps + "-" + VideoLimits.MaxFps + ")", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("(" + VideoLimits.MinCfgScale + "-" + VideoLimits.MaxCfgScale + ")", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("(" + VideoLimits.MinMotionStrength + "-" + VideoLimits.MaxMotionStrength + ")", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Length in seconds (" + VideoLimits.MinDuration + "-" + VideoLimits.MaxDuration, result.Stdout, StringComparison.Ordinal);
    }
}
