using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace LemonData.Video.Cli.Tests;

public sealed class ModelsAndSimulatorTests
{
    private static Dictionary<string, string?> NoKey() => new()
    {
        ["LEMONDATA_SIMULATOR_PROCESSING_MS"] = "0",
        ["PATH"] = Environment.GetEnvironmentVariable("PATH"),
    };

    [Fact]
    public async Task Models_lists_every_id_of_the_snapshot_with_their_capabilities()
    {
        using var folder = new TempFolder();
        var result = await Cli.RunInAsync(folder.Path, new Dictionary<string, string?>(), "models");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var model in VideoModelCatalog.All)
        {
            Assert.Contains("| " + model.Id + " ", result.Stdout, StringComparison.Ordinal);
        }

        var seedance = result.Stdout.Split('\n').Single(line => line.Contains("| seedance-2-0 ", StringComparison.Ordinal));
        Assert.Contains("T2V, I2V, keyframes", seedance, StringComparison.Ordinal);
        Assert.Contains(VideoModelCatalog.All.Count + " models", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Source: the snapshot built into LemonData.Video", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Models_json_has_every_model()
    {
        using var folder = new TempFolder();
        var result = await Cli.RunInAsync(folder.Path, new Dictionary<string, string?>(), "models", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var models = result.Json().GetProperty("models").EnumerateArray().ToList();
        Assert.Equal(VideoModelCatalog.All.Select(model => model.Id), models.Select(model => model.GetProperty("id").GetString()));
        var runway = models.Single(model => model.GetProperty("id").GetString() == "runwayml-gen4-turbo-5");
        Assert.Equal(5, runway.GetProperty("fixedDurationSeconds").GetInt32());
        Assert.Contains("TextToVideo", models[0].GetProperty("capabilities").EnumerateArray().Select(value => value.GetString()));
    }

    [Fact]
    public async Task Without_a_key_generate_starts_the_built_in_simulator_and_says_so_in_one_line()
    {
        using var folder = new TempFolder();
        var output = folder.File("cat.mp4");

        var result = await Cli.RunAsync(NoKey(), default, "generate", "--prompt", "A cat walking through a garden", "--out", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        var simulatorLines = result.AllOutput.Split('\n').Where(line => line.Contains("simulator", StringComparison.OrdinalIgnoreCase)).ToList();
        var line = Assert.Single(simulatorLines);
        Assert.Contains("LEMONDATA_API_KEY is not set", line, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:", line, StringComparison.Ordinal);
        Assert.StartsWith("Simulator:", result.Stdout, StringComparison.Ordinal);
        Mp4.AssertValid(output);
    }

    [Fact]
    public async Task Simulate_uses_the_built_in_simulator_even_with_a_key()
    {
        var environment = NoKey();
        environment["LEMONDATA_API_KEY"] = "sk-real-key-that-must-not-be-used";
        environment["LEMONDATA_BASE_URL"] = "http://127.0.0.1:9/";

        var result = await Cli.RunAsync(environment, default, "generate", "--prompt", "A cat", "--simulate", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Simulator: --simulate", result.Stderr, StringComparison.Ordinal);
        Assert.True(result.Json().GetProperty("simulated").GetBoolean());
        Assert.DoesNotContain("sk-real-key", result.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_key_invalid_input_names_the_rule_and_exits_2()
    {
        var result = await Cli.RunAsync(NoKey(), default, "generate", "--prompt", "A cat walking through a garden", "--out", Path.Combine(Path.GetTempPath(), "never.mp4"), "--model", "sora-2", "--image-url", "https://example.com/a.jpg");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("LDV0002", result.Stderr, StringComparison.Ordinal);

        // Checked before the simulator starts: the only output is the error.
        Assert.DoesNotContain("Simulator:", result.AllOutput, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Without_a_key_status_explains_that_the_simulator_starts_empty()
    {
        var result = await Cli.RunAsync(NoKey(), default, "status", "ldtask_0123456789abcdef0123456789abcdef");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("starts empty", result.Stderr, StringComparison.Ordinal);
    }
}
