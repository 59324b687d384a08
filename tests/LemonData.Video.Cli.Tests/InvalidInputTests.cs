using System;
using System.Linq;
using System.Threading.Tasks;
using LemonData.Video.Testing;

namespace LemonData.Video.Cli.Tests;

/// <summary>Bad input exits 2 and sends nothing: not a create, not even a connection's worth of requests.</summary>
public sealed class InvalidInputTests
{
    [Fact]
    public async Task An_image_on_a_text_only_model_names_LDV0002_and_sends_nothing()
    {
        await using var simulator = LemonDataSimulator.Start();

        var result = await Cli.RunAsync(simulator, "generate", "--prompt", "A cat walking through a garden", "--model", "sora-2", "--image-url", "https://example.com/a.jpg");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("LDV0002 ImageUrl: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("not sent", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, simulator.CountRequests("POST", "/v1/videos/generations"));
        Assert.Empty(simulator.Requests);
    }

    [Fact]
    public async Task Fps_0_names_LDV0006_with_the_allowed_range()
    {
        await using var simulator = LemonDataSimulator.Start();

        var result = await Cli.RunAsync(simulator, "generate", "--prompt", "A cat", "--fps", "0", "--json");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("LDV0006 Fps: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("120", result.Stderr, StringComparison.Ordinal);
        var violation = Assert.Single(result.Json().GetProperty("error").GetProperty("violations").EnumerateArray());
        Assert.Equal("LDV0006", violation.GetProperty("id").GetString());
        Assert.Equal("Fps", violation.GetProperty("property").GetString());
        Assert.Empty(simulator.Requests);
    }

    [Fact]
    public async Task Every_violation_is_listed()
    {
        await using var simulator = LemonDataSimulator.Start();

        var result = await Cli.RunAsync(simulator, "generate", "--prompt", "A cat", "--model", "sora-2", "--image-url", "https://example.com/a.jpg", "--fps", "500", "--cfg-scale", "21");

        Assert.True(result.ExitCode == 2, result.ToString());
        foreach (var id in new[] { "LDV0002", "LDV0006", "LDV0007" })
        {
            Assert.Contains(id, result.Stderr, StringComparison.Ordinal);
        }

        Assert.Empty(simulator.Requests);
    }

    [Fact]
    public async Task An_unknown_model_is_asked_about_then_refused_with_the_closest_id_and_nothing_is_created()
    {
        await using var simulator = LemonDataSimulator.Start();

        var result = await Cli.RunAsync(simulator, "generate", "--prompt", "A cat", "--model", "sora2");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("LDV0001 Model: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("404 model_not_found", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("'sora-2'", result.Stderr, StringComparison.Ordinal);

        // A model newer than the tool may exist: the service is asked (its detail, then its list for the suggestion), never charged.
        Assert.Equal(0, simulator.CreatesReceived);
        Assert.All(simulator.Requests, request => Assert.Equal("GET", request.Method));
        Assert.Equal(1, simulator.CountRequests("GET", "/v1/models/sora2"));
    }

    [Theory]
    [InlineData("generate", "--prompt", "A cat", "--frames-per-second", "24")]
    [InlineData("generate", "--model", "sora-2")]
    [InlineData("generate", "--prompt", "A cat", "--fps", "many")]
    [InlineData("generate", "--prompt", "A cat", "--timeout", "-1")]
    [InlineData("render", "--prompt", "A cat")]
    [InlineData("status")]
    [InlineData("download", "ldtask_1")]
    [InlineData("generate", "--prompt", "A cat", "--endpoint", "not a url")]
    public async Task Command_line_errors_exit_2_and_send_nothing(params string[] args)
    {
        await using var simulator = LemonDataSimulator.Start();

        var result = await Cli.RunAsync(simulator, args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("error: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--help", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(simulator.Requests);
    }

    [Fact]
    public async Task A_command_line_error_with_json_is_a_json_document_too()
    {
        await using var simulator = LemonDataSimulator.Start();

        var result = await Cli.RunAsync(simulator, "generate", "--prompt", "A cat", "--bogus", "--json");

        Assert.True(result.ExitCode == 2, result.ToString());
        var error = result.Json().GetProperty("error");
        Assert.Equal("invalid_arguments", error.GetProperty("kind").GetString());
        Assert.Contains("--bogus", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_image_file_exits_2_and_sends_nothing()
    {
        await using var simulator = LemonDataSimulator.Start();
        using var folder = new TempFolder();

        var result = await Cli.RunAsync(simulator, "generate", "--prompt", "A cat", "--model", "seedance-2-0", "--image", folder.File("missing.png"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("does not exist", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(simulator.Requests);
    }

    [Fact]
    public async Task An_image_of_an_unknown_type_exits_2()
    {
        await using var simulator = LemonDataSimulator.Start();
        using var folder = new TempFolder();
        var file = folder.File("start.tiff");
        System.IO.File.WriteAllBytes(file, new byte[] { 1, 2, 3 });

        var result = await Cli.RunAsync(simulator, "generate", "--prompt", "A cat", "--model", "seedance-2-0", "--image", file);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("not a PNG, JPEG, WebP or GIF image", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(simulator.Requests);
    }

    [Fact]
    public async Task A_file_named_png_that_is_not_an_image_exits_2()
    {
        // The type is read from the bytes, not trusted from the name.
        await using var simulator = LemonDataSimulator.Start();
        using var folder = new TempFolder();
        var file = folder.File("start.png");
        System.IO.File.WriteAllText(file, "<html>not an image</html>");

        var result = await Cli.RunAsync(simulator, "generate", "--prompt", "A cat", "--model", "seedance-2-0", "--image", file);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("start.png", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(simulator.Requests);
    }

    [Fact]
    public async Task An_out_path_in_a_missing_folder_is_refused_before_a_paid_task_exists()
    {
        await using var simulator = LemonDataSimulator.Start();
        using var folder = new TempFolder();

        var result = await Cli.RunAsync(simulator, "generate", "--prompt", "A cat", "--out", folder.File("no/such/folder/cat.mp4"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("does not exist", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(simulator.Requests);
    }

    [Fact]
    public async Task No_command_shows_the_help_and_exits_2()
    {
        var result = await Cli.RunAsync(new System.Collections.Generic.Dictionary<string, string?>(), default);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("generate", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_commands_and_the_exit_codes()
    {
        var result = await Cli.RunAsync(new System.Collections.Generic.Dictionary<string, string?>(), default, "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "generate", "status", "wait", "download", "models" })
        {
            Assert.Contains(command, result.Stdout, StringComparison.Ordinal);
        }

        Assert.Contains("Exit codes:", result.Stdout, StringComparison.Ordinal);
        var codes = result.Stdout.Split('\n').SkipWhile(line => !line.StartsWith("Exit codes:", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(line => line.Trim().Length > 0).Select(line => line.Trim().Split(' ')[0]).ToArray();
        Assert.Equal(new[] { "0", "1", "2", "3", "4", "5", "70", "130" }, codes);
    }

    [Fact]
    public async Task Generate_help_has_a_flag_for_every_request_field()
    {
        var result = await Cli.RunAsync(new System.Collections.Generic.Dictionary<string, string?>(), default, "generate", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var flag in new[]
        {
            "--model", "--prompt", "--image-url", "--image", "--duration", "--aspect-ratio", "--resolution", "--fps", "--negative-prompt",
            "--seed", "--cfg-scale", "--motion-strength", "--start-image", "--end-image", "--user", "--out", "--json", "--simulate", "--endpoint",
        })
        {
            Assert.Contains(flag + " ", result.Stdout, StringComparison.Ordinal);
        }

        Assert.Contains("Exit codes:", result.Stdout, StringComparison.Ordinal);
    }
}
