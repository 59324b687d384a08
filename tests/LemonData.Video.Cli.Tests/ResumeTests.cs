using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using LemonData.Video.Testing;

namespace LemonData.Video.Cli.Tests;

/// <summary><c>status</c>, <c>wait</c> and <c>download</c> pick up tasks created earlier; Ctrl+C and timeouts say how.</summary>
public sealed class ResumeTests
{
    private static async Task<VideoTask> CreateWithSdkAsync(LemonDataSimulator simulator)
    {
        var client = new LemonDataVideoClient(simulator.ApiKey, new LemonDataVideoClientOptions { Endpoint = simulator.Endpoint });
        return await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "A cat walking through a garden" });
    }

    [Fact]
    public async Task Wait_resumes_a_task_created_earlier_and_saves_its_video()
    {
        await using var simulator = LemonDataSimulator.Start();
        var created = await CreateWithSdkAsync(simulator);
        using var folder = new TempFolder();
        var output = folder.File("resumed.mp4");

        var result = await Cli.RunAsync(simulator, Cli.Args(new[] { "wait", created.Id, "--out", output, "--json" }, Cli.FastPolling));

        Assert.True(result.ExitCode == 0, result.ToString());
        var task = result.Json().GetProperty("task");
        Assert.Equal(created.Id, task.GetProperty("id").GetString());
        Assert.Equal("completed", task.GetProperty("status").GetString());
        Mp4.AssertValid(output);
        Assert.Equal(1, simulator.CountRequests("POST", "/v1/videos/generations"));
    }

    [Fact]
    public async Task Status_reads_a_task_once()
    {
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { ProcessingTime = TimeSpan.FromMinutes(5) });
        var created = await CreateWithSdkAsync(simulator);

        var human = await Cli.RunAsync(simulator, "status", created.Id);
        var json = await Cli.RunAsync(simulator, "status", created.Id, "--json");

        Assert.True(human.ExitCode == 0, human.ToString());
        Assert.Contains("Task       " + created.Id, human.Stdout, StringComparison.Ordinal);
        Assert.Contains("Status     pending", human.Stdout, StringComparison.Ordinal);
        Assert.Contains("Next: lemondata-video wait " + created.Id + " --out video.mp4", human.Stdout, StringComparison.Ordinal);
        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.Equal(created.Id, json.Json().GetProperty("task").GetProperty("id").GetString());
        Assert.Equal("pending", json.Json().GetProperty("task").GetProperty("status").GetString());
        Assert.Equal(0, simulator.CountRequests("DELETE", "/v1/tasks/" + created.Id));
    }

    [Fact]
    public async Task Status_of_an_unknown_task_is_a_service_error()
    {
        await using var simulator = LemonDataSimulator.Start();

        var result = await Cli.RunAsync(simulator, "status", "ldtask_00000000000000000000000000000000", "--json");

        Assert.True(result.ExitCode == 3, result.ToString());
        var error = result.Json().GetProperty("error");
        Assert.Equal(404, error.GetProperty("statusCode").GetInt32());
        Assert.Equal("async_task_not_found", error.GetProperty("code").GetString());
        Assert.DoesNotContain("   at ", result.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_saves_the_video_of_a_completed_task()
    {
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { PollsPerStage = 0 });
        var created = await CreateWithSdkAsync(simulator);
        using var folder = new TempFolder();
        var output = folder.File("downloaded.mp4");

        var result = await Cli.RunAsync(simulator, "download", created.Id, "--out", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        Mp4.AssertValid(output);
    }

    [Fact]
    public async Task Download_of_a_running_task_exits_4_and_says_how_to_wait()
    {
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { ProcessingTime = TimeSpan.FromMinutes(5) });
        var created = await CreateWithSdkAsync(simulator);
        using var folder = new TempFolder();

        var result = await Cli.RunAsync(simulator, "download", created.Id, "--out", folder.File("early.mp4"));

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Contains("lemondata-video wait " + created.Id + " --out ", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(System.IO.Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task Download_of_a_failed_task_exits_1()
    {
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { PollsPerStage = 0 });
        simulator.Script.FailNextTask("Content policy violation");
        var created = await CreateWithSdkAsync(simulator);
        using var folder = new TempFolder();

        var result = await Cli.RunAsync(simulator, "download", created.Id, "--out", folder.File("failed.mp4"));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Content policy violation", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ctrl_C_exits_130_with_the_wait_command_and_wait_then_finishes_the_task()
    {
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { ProcessingTime = TimeSpan.FromSeconds(1.5) });
        using var folder = new TempFolder();
        var output = folder.File("cat.mp4");
        using var interrupt = new CancellationTokenSource();

        var running = Cli.RunAsync(Cli.EnvironmentFor(simulator), interrupt.Token, Cli.Args(new[] { "generate", "--prompt", "A cat", "--out", output }, Cli.FastPolling));
        while (simulator.CountRequests("POST", "/v1/videos/generations") == 0 || simulator.Requests.Count < 3)
        {
            await Task.Delay(10);
        }

        interrupt.Cancel();
        var result = await running;

        Assert.True(result.ExitCode == 130, result.ToString());
        var taskId = Regex.Match(result.Stdout, @"Submitted task (\S+) ").Groups[1].Value;
        Assert.StartsWith("ldtask_", taskId, StringComparison.Ordinal);
        Assert.Contains("lemondata-video wait " + taskId + " --out " + output, result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Interrupted: stopped waiting for task " + taskId, result.Stderr, StringComparison.Ordinal);
        Assert.Contains("not cancelled", result.Stderr, StringComparison.Ordinal);
        Assert.False(System.IO.File.Exists(output));
        Assert.Equal(0, simulator.CountRequests("DELETE", "/v1/tasks/" + taskId));

        // The printed command, run as printed, finishes the job.
        var resumed = await Cli.RunAsync(simulator, Cli.Args(new[] { "wait", taskId, "--out", output }, Cli.FastPolling));

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Mp4.AssertValid(output);
        Assert.Equal(1, simulator.CountRequests("POST", "/v1/videos/generations"));
    }

    [Fact]
    public async Task Ctrl_C_during_wait_exits_130_and_repeats_the_wait_command_in_json()
    {
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { ProcessingTime = TimeSpan.FromMinutes(5) });
        var created = await CreateWithSdkAsync(simulator);
        using var interrupt = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var result = await Cli.RunAsync(Cli.EnvironmentFor(simulator), interrupt.Token, Cli.Args(new[] { "wait", created.Id, "--out", "my video.mp4", "--json" }, Cli.FastPolling));

        Assert.True(result.ExitCode == 130, result.ToString());
        var json = result.Json();
        Assert.Equal("cancelled", json.GetProperty("error").GetProperty("kind").GetString());
        Assert.Equal("lemondata-video wait " + created.Id + " --out 'my video.mp4'", json.GetProperty("resume").GetString());
        Assert.Equal(created.Id, json.GetProperty("task").GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing_and_exits_130()
    {
        await using var simulator = LemonDataSimulator.Start();
        using var interrupt = new CancellationTokenSource();
        interrupt.Cancel();

        var result = await Cli.RunAsync(Cli.EnvironmentFor(simulator), interrupt.Token, "generate", "--prompt", "A cat");

        Assert.True(result.ExitCode == 130, result.ToString());
        Assert.Contains("Interrupted: nothing was submitted", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(simulator.Requests);
    }

    [Fact]
    public async Task A_timeout_exits_4_with_the_wait_command()
    {
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { ProcessingTime = TimeSpan.FromMinutes(5) });

        var result = await Cli.RunAsync(simulator, Cli.Args(new[] { "generate", "--prompt", "A cat", "--timeout", "0.3" }, Cli.FastPolling));

        Assert.True(result.ExitCode == 4, result.ToString());
        var taskId = Regex.Match(result.Stdout, @"Submitted task (\S+) ").Groups[1].Value;
        Assert.Contains("did not finish within --timeout 0.3 s", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("lemondata-video wait " + taskId, result.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, simulator.CountRequests("POST", "/v1/videos/generations"));
    }

    [Fact]
    public async Task Endpoint_flag_points_the_tool_at_a_service_and_is_repeated_in_the_resume_command()
    {
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { ProcessingTime = TimeSpan.FromMinutes(5) });
        var created = await CreateWithSdkAsync(simulator);
        var environment = Cli.EnvironmentFor(simulator);
        environment.Remove("LEMONDATA_BASE_URL");

        var result = await Cli.RunAsync(environment, default, Cli.Args(new[] { "wait", created.Id, "--endpoint", simulator.Endpoint.ToString(), "--timeout", "0.2" }, Cli.FastPolling));

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Contains("lemondata-video wait " + created.Id + " --endpoint " + simulator.Endpoint, result.Stderr, StringComparison.Ordinal);
        Assert.True(simulator.Requests.Count(request => request.Method == "GET") >= 1);
    }
}
