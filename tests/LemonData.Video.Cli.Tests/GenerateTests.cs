using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using LemonData.Video.Testing;

namespace LemonData.Video.Cli.Tests;

public sealed class GenerateTests
{
    private const string CreatePath = "/v1/videos/generations";

    [Fact]
    public async Task Generate_with_out_saves_a_playable_mp4_and_exits_0()
    {
        await using var simulator = LemonDataSimulator.Start();
        using var folder = new TempFolder();
        var output = folder.File("cat.mp4");

        var result = await Cli.RunAsync(simulator, Cli.Args(new[] { "generate", "--prompt", "A cat walking through a garden", "--out", output }, Cli.FastPolling));

        Assert.True(result.ExitCode == 0, result.ToString());
        Mp4.AssertValid(output);
        Assert.Equal(LemonDataSimulator.SampleVideo.ToArray(), File.ReadAllBytes(output));
        Assert.Equal(1, simulator.CountRequests("POST", CreatePath));
        Assert.Contains("Submitted task ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Saved " + output, result.Stdout, StringComparison.Ordinal);
        Assert.Empty(result.Stderr);

        // No temporary file is left beside the video.
        Assert.Equal(new[] { output }, Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task A_task_with_two_videos_saves_cat_mp4_and_cat_2_mp4_and_lists_both()
    {
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { OutputsPerTask = 2 });
        using var folder = new TempFolder();
        var output = folder.File("cat.mp4");
        var second = folder.File("cat-2.mp4");

        var result = await Cli.RunAsync(simulator, Cli.Args(new[] { "generate", "--prompt", "A cat walking through a garden", "--out", output }, Cli.FastPolling));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(LemonDataSimulator.SampleVideo.ToArray(), File.ReadAllBytes(output));
        Assert.Equal(LemonDataSimulator.SampleVideo.ToArray(), File.ReadAllBytes(second));
        Assert.Contains("Saved " + output + " (", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Saved " + second + " (", result.Stdout, StringComparison.Ordinal);

        // Each went through its own hidden .part file, renamed once whole: nothing else is left.
        Assert.Equal(new[] { second, output }, Directory.GetFiles(folder.Path).OrderBy(path => path, StringComparer.Ordinal));
        var downloads = simulator.Requests.Where(request => request.Method == "GET" && request.Path.StartsWith("/files/", StringComparison.Ordinal)).ToList();
        Assert.Equal(new[] { string.Empty, "?output=2" }, downloads.Select(request => request.Query));

        // --json lists every file, and the task's videos.
        var again = await Cli.RunAsync(simulator, "download", simulator.CreatedTasks.Single().CreatedTaskId!, "--out", output, "--json");
        Assert.True(again.ExitCode == 0, again.ToString());
        var json = again.Json();
        Assert.Equal(new[] { output, second }, json.GetProperty("outputs").EnumerateArray().Select(file => file.GetProperty("path").GetString()));
        Assert.All(json.GetProperty("outputs").EnumerateArray(), file => Assert.Equal(LemonDataSimulator.SampleVideo.Length, file.GetProperty("bytes").GetInt64()));
        Assert.Equal(output, json.GetProperty("output").GetProperty("path").GetString());
        Assert.Equal(2, json.GetProperty("task").GetProperty("videos").GetArrayLength());
    }

    [Fact]
    public async Task Redirected_progress_is_one_plain_line_per_change()
    {
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { PollsPerStage = 2 });

        var result = await Cli.RunAsync(simulator, Cli.Args(new[] { "generate", "--prompt", "A cat" }, Cli.FastPolling));

        Assert.True(result.ExitCode == 0, result.ToString());
        var progressLines = result.Stdout.Split('\n').Where(line => line.StartsWith('[')).Select(line => line.TrimEnd('\r')).ToList();
        Assert.Matches(@"^\[\d\d:\d\d\] pending$", progressLines.First());
        Assert.Contains(progressLines, line => line.Contains("processing ", StringComparison.Ordinal) && line.EndsWith('%'));
        Assert.Matches(@"^\[\d\d:\d\d\] completed$", progressLines.Last());
        Assert.Equal(progressLines.Count, progressLines.Select(line => line.Substring(8)).Distinct().Count());
        Assert.DoesNotContain("\u001b[", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_request_flag_is_sent_as_its_wire_field()
    {
        await using var simulator = LemonDataSimulator.Start();
        using var folder = new TempFolder();
        var image = folder.File("start.png");
        File.WriteAllBytes(image, new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });

        var result = await Cli.RunAsync(simulator, Cli.Args(
            new[]
            {
                "generate", "--model", "seedance-2-0", "--prompt", "A cat", "--image", image,
                "--duration", "5", "--aspect-ratio", "9:16", "--resolution", "720p", "--fps", "24",
                "--negative-prompt", "dogs", "--seed", "42", "--cfg-scale", "7.5", "--motion-strength", "0.4",
                "--start-image", "https://example.com/first.jpg", "--end-image", "https://example.com/last.jpg", "--user", "user-1",
            },
            Cli.FastPolling));

        Assert.True(result.ExitCode == 0, result.ToString());
        var create = Assert.Single(simulator.Requests, request => request.Method == "POST" && request.Path == CreatePath);
        using var body = JsonDocument.Parse(create.Body);
        var sent = body.RootElement;
        Assert.Equal("seedance-2-0", sent.GetProperty("model").GetString());
        Assert.Equal("A cat", sent.GetProperty("prompt").GetString());
        Assert.Equal("data:image/png;base64," + Convert.ToBase64String(File.ReadAllBytes(image)), sent.GetProperty("image").GetString());
        Assert.Equal(5, sent.GetProperty("duration").GetInt32());
        Assert.Equal("9:16", sent.GetProperty("aspect_ratio").GetString());
        Assert.Equal("720p", sent.GetProperty("resolution").GetString());
        Assert.Equal(24, sent.GetProperty("fps").GetInt32());
        Assert.Equal("dogs", sent.GetProperty("negative_prompt").GetString());
        Assert.Equal(42, sent.GetProperty("seed").GetInt64());
        Assert.Equal(7.5, sent.GetProperty("cfg_scale").GetDouble());
        Assert.Equal(0.4, sent.GetProperty("motion_strength").GetDouble());
        Assert.Equal("https://example.com/first.jpg", sent.GetProperty("start_image").GetString());
        Assert.Equal("https://example.com/last.jpg", sent.GetProperty("end_image").GetString());
        Assert.Equal("user-1", sent.GetProperty("user").GetString());
        Assert.False(sent.TryGetProperty("image_url", out _), "A flag not given is not sent.");
    }

    [Fact]
    public async Task Image_url_is_sent_for_an_image_to_video_model()
    {
        await using var simulator = LemonDataSimulator.Start();
        var model = VideoModelCatalog.All.First(info => info.Supports(VideoCapabilities.ImageToVideo)).Id;

        var result = await Cli.RunAsync(simulator, Cli.Args(new[] { "generate", "-m", model, "-p", "A cat", "--image-url", "https://example.com/a.jpg" }, Cli.FastPolling));

        Assert.True(result.ExitCode == 0, result.ToString());
        var create = Assert.Single(simulator.Requests, request => request.Method == "POST" && request.Path == CreatePath);
        using var body = JsonDocument.Parse(create.Body);
        Assert.Equal("https://example.com/a.jpg", body.RootElement.GetProperty("image_url").GetString());
    }

    [Fact]
    public async Task Json_output_is_one_document_with_the_task_and_the_file()
    {
        await using var simulator = LemonDataSimulator.Start();
        using var folder = new TempFolder();
        var output = folder.File("cat.mp4");

        var result = await Cli.RunAsync(simulator, Cli.Args(new[] { "generate", "--prompt", "A cat", "--out", output, "--json" }, Cli.FastPolling));

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = result.Json();
        Assert.Equal(0, json.GetProperty("exitCode").GetInt32());
        var task = json.GetProperty("task");
        Assert.StartsWith("ldtask_", task.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("completed", task.GetProperty("status").GetString());
        Assert.Equal("sora-2", task.GetProperty("model").GetString());
        Assert.False(string.IsNullOrEmpty(task.GetProperty("videoUrl").GetString()));
        Assert.Equal(output, json.GetProperty("output").GetProperty("path").GetString());
        Assert.Equal(new FileInfo(output).Length, json.GetProperty("output").GetProperty("bytes").GetInt64());

        // Progress went to stderr, so stdout stays machine-readable.
        Assert.Contains("completed", result.Stderr, StringComparison.Ordinal);
        Mp4.AssertValid(output);
    }

    [Fact]
    public async Task A_failed_task_exits_1_with_the_services_reason()
    {
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.FailNextTask("Content policy violation");

        var result = await Cli.RunAsync(simulator, Cli.Args(new[] { "generate", "--prompt", "A cat", "--json" }, Cli.FastPolling));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Content policy violation", result.Stderr, StringComparison.Ordinal);
        var json = result.Json();
        Assert.Equal(1, json.GetProperty("exitCode").GetInt32());
        Assert.Equal("failed", json.GetProperty("task").GetProperty("status").GetString());
        Assert.Equal("task_failed", json.GetProperty("error").GetProperty("kind").GetString());
        Assert.Equal(1, simulator.CountRequests("POST", CreatePath));
    }

    [Fact]
    public async Task A_service_error_exits_3_with_its_message_and_no_stack_trace()
    {
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.ServerErrorNext(1, 500, SimulatorTarget.Create);

        var result = await Cli.RunAsync(simulator, Cli.Args(new[] { "generate", "--prompt", "A cat" }, Cli.FastPolling));

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.StartsWith("error: LemonData API error while creating a video", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("500", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.AllOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(simulator.ApiKey, result.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_create_answered_502_exits_3_and_says_the_task_may_exist_and_how_to_find_it()
    {
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.ServerErrorNext(1, 502, SimulatorTarget.Create);

        var result = await Cli.RunAsync(simulator, Cli.Args(new[] { "generate", "--prompt", "A cat", "--json" }, Cli.FastPolling));

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("may have been created and charged", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("The task may exist and be charged although this command failed: do not submit it again blindly", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Check your account's tasks", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("try again later", result.AllOutput, StringComparison.OrdinalIgnoreCase);
        var error = result.Json().GetProperty("error");
        Assert.Equal("service_error", error.GetProperty("kind").GetString());
        Assert.Equal(502, error.GetProperty("statusCode").GetInt32());
        Assert.True(error.GetProperty("taskMayExist").GetBoolean());
        Assert.Equal(1, simulator.CountRequests("POST", CreatePath));
        Assert.DoesNotContain(simulator.Requests, request => request.Path.StartsWith("/v1/tasks/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rejected_key_exits_3()
    {
        await using var simulator = LemonDataSimulator.Start();
        var environment = Cli.EnvironmentFor(simulator);
        environment["LEMONDATA_API_KEY"] = "not-a-key";

        var result = await Cli.RunAsync(environment, default, Cli.Args(new[] { "generate", "--prompt", "A cat", "--json" }, Cli.FastPolling));

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Equal(401, result.Json().GetProperty("error").GetProperty("statusCode").GetInt32());
    }
}
