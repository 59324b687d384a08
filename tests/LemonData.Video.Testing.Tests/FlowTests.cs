using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LemonData.Video;
using LemonData.Video.Testing.Tests.Support;

namespace LemonData.Video.Testing.Tests;

/// <summary>The whole flow through the real SDK client: create, wait with progress, download.</summary>
public class FlowTests
{
    [Fact]
    public async Task Generation_C_flow_creates_polls_poll_url_and_completes()
    {
        await using var simulator = LemonDataSimulator.Start();
        var client = Clients.For(simulator);
        var progress = new RecordingProgress();

        var task = await client.GenerateVideoAsync(Clients.Request(VideoModels.Veo31), progress);

        Assert.Equal(VideoTaskStatus.Completed, task.Status);
        Assert.StartsWith("ldtask_", task.Id);
        Assert.Equal(VideoModels.Veo31, task.Model);
        Assert.Equal(100, task.Progress);
        Assert.Equal(simulator.Endpoint.GetLeftPart(UriPartial.Authority) + "/files/" + task.Id + ".mp4", task.VideoUrl);
        Assert.Equal(3, task.VideoDurationSeconds);
        Assert.NotNull(task.CreatedAt);
        Assert.NotNull(task.UpdatedAt);

        // The created task first, then pending, processing, completed: every read on the poll_url.
        Assert.Equal(
            new[] { "pending", "pending", "processing", "completed" },
            progress.Seen.Select(seen => seen.Status.ToString()).ToArray());
        Assert.Equal("/v1/tasks/" + task.Id, progress.Seen[0].PollUrl);
        Assert.All(simulator.Polls(), poll => Assert.Equal("/v1/tasks/" + task.Id, poll.Path));
        Assert.Equal(3, simulator.Polls().Count);
    }

    [Fact]
    public async Task Generation_A_flow_falls_back_to_the_legacy_path_and_completes()
    {
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { Generation = SimulatedApiGeneration.A });
        var client = Clients.For(simulator);
        var progress = new RecordingProgress();

        var task = await client.GenerateVideoAsync(Clients.Request(VideoModels.KlingV26Pro), progress);

        Assert.Equal(VideoTaskStatus.Completed, task.Status);
        Assert.StartsWith("video_", task.Id);
        Assert.Null(progress.Seen[0].PollUrl);
        Assert.NotNull(task.CompletedAt);
        Assert.EndsWith("/files/" + task.Id + ".mp4", task.VideoUrl);

        // /v1/tasks/{id} does not exist on generation A: one 404, then the legacy path, kept for the rest of the wait.
        var polls = simulator.Requests.Where(request => request.Method == "GET" && request.Path.Contains(task.Id)).ToList();
        Assert.Equal("/v1/tasks/" + task.Id, polls[0].Path);
        Assert.Equal(404, polls[0].StatusCode);
        Assert.All(polls.Skip(1), poll => Assert.Equal("/v1/videos/generations/" + task.Id, poll.Path));
        Assert.All(polls.Skip(1), poll => Assert.Equal(200, poll.StatusCode));
        Assert.Equal(new[] { "pending", "pending", "processing", "completed" }, progress.Seen.Select(seen => seen.Status.ToString()).ToArray());
    }

    [Fact]
    public async Task Download_gives_the_sample_mp4_without_sending_the_key()
    {
        await using var simulator = LemonDataSimulator.Start();
        var client = Clients.For(simulator);
        var task = await client.GenerateVideoAsync(Clients.Request());

        using var destination = new MemoryStream();
        await client.DownloadVideoAsync(task, destination);

        var bytes = destination.ToArray();
        Assert.Equal("ftyp", System.Text.Encoding.ASCII.GetString(bytes, 4, 4));
        Assert.Equal(LemonDataSimulator.SampleVideo.ToArray(), bytes);
        Mp4Boxes.AssertIsSampleMp4(bytes);

        var download = Assert.Single(simulator.Requests, request => request.Path.StartsWith("/files/", StringComparison.Ordinal));
        Assert.False(download.HasAuthorization);
        Assert.Equal(200, download.StatusCode);
        Assert.All(simulator.Requests.Where(request => request.Path.StartsWith("/v1/", StringComparison.Ordinal)), request => Assert.True(request.HasAuthorization));
    }

    [Fact]
    public async Task Progress_rises_through_the_processing_stage()
    {
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { PollsPerStage = 3 });
        var client = Clients.For(simulator);
        var progress = new RecordingProgress();

        await client.GenerateVideoAsync(Clients.Request(), progress);

        var polled = progress.Seen.Skip(1).ToList();
        Assert.Equal(
            new[] { "pending", "pending", "pending", "processing", "processing", "processing", "completed" },
            polled.Select(seen => seen.Status.ToString()).ToArray());
        Assert.Equal(new double?[] { 0, 0, 0, 10, 50, 90, 100 }, polled.Select(seen => seen.Progress).ToArray());
    }

    [Fact]
    public async Task Polls_per_stage_zero_completes_at_the_first_read()
    {
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { PollsPerStage = 0 });
        var client = Clients.For(simulator);

        var task = await client.GenerateVideoAsync(Clients.Request());

        Assert.Equal(VideoTaskStatus.Completed, task.Status);
        Assert.Single(simulator.Polls());
    }

    [Fact]
    public async Task Processing_time_holds_the_task_back_in_real_time()
    {
        // Long enough that a poll lands inside it even when CI's two cores are busy with the other test projects (at 400 ms
        // a loaded run once saw the first poll only after the task had completed).
        var processingTime = TimeSpan.FromMilliseconds(1500);
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { ProcessingTime = processingTime, PollsPerStage = 0 });
        var client = Clients.For(simulator, options => options.PollInterval = TimeSpan.FromMilliseconds(20));
        var progress = new RecordingProgress();
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var task = await client.GenerateVideoAsync(Clients.Request(), progress);

        Assert.Equal(VideoTaskStatus.Completed, task.Status);
        Assert.True(watch.Elapsed >= processingTime, "completed after " + watch.Elapsed.TotalMilliseconds + " ms");

        var processing = progress.Seen.Where(seen => seen.Status == VideoTaskStatus.Processing).Select(seen => seen.Progress!.Value).ToList();
        Assert.NotEmpty(processing);
        Assert.All(processing, value => Assert.InRange(value, 10, 90));
        Assert.Equal(processing.OrderBy(value => value).ToList(), processing);
    }

    [Fact]
    public async Task A_failed_task_carries_the_scripted_error_object()
    {
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.FailNextTask("Content policy violation", "content_policy_violation");
        var client = Clients.For(simulator);

        var failure = await Assert.ThrowsAsync<VideoGenerationFailedException>(() => client.GenerateVideoAsync(Clients.Request()));

        Assert.Equal(VideoTaskStatus.Failed, failure.Task.Status);
        Assert.Equal("Content policy violation", failure.Task.Error);
        Assert.Equal("content_policy_violation", failure.Task.ErrorCode);
        Assert.False(failure.Task.IsCancelled);

        // Only the next task fails.
        var next = await client.GenerateVideoAsync(Clients.Request());
        Assert.Equal(VideoTaskStatus.Completed, next.Status);
    }

    [Fact]
    public async Task A_failed_task_of_generation_A_carries_a_plain_string_error()
    {
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { Generation = SimulatedApiGeneration.A });
        simulator.Script.FailNextTaskWithStringError("Upstream provider rejected the prompt");
        var client = Clients.For(simulator);

        var failure = await Assert.ThrowsAsync<VideoGenerationFailedException>(() => client.GenerateVideoAsync(Clients.Request()));

        Assert.Equal("Upstream provider rejected the prompt", failure.Task.Error);
        Assert.Null(failure.Task.ErrorCode);
        var lastPoll = simulator.Polls().Last();
        Assert.Contains("\"error\":\"Upstream provider rejected the prompt\"", await Raw.GetStringAsync(simulator, lastPoll.Path));
    }

    [Fact]
    public async Task Create_then_get_then_wait_by_id_resumes_a_task()
    {
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { PollsPerStage = 2 });
        var client = Clients.For(simulator);
        var created = await client.CreateVideoAsync(Clients.Request());

        var once = await client.GetVideoTaskAsync(created.Id);
        Assert.Equal(VideoTaskStatus.Pending, once.Status);

        // A second client, as after a crash: it knows only the id.
        var resumed = await Clients.For(simulator).WaitForCompletionAsync(created.Id);
        Assert.Equal(VideoTaskStatus.Completed, resumed.Status);
        Assert.Equal(created.Id, resumed.Id);
    }

    [Fact]
    public async Task A_task_with_several_videos_gives_the_client_every_one_to_download()
    {
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { OutputsPerTask = 2 });
        var client = Clients.For(simulator);

        var task = await client.GenerateVideoAsync(Clients.Request(VideoModels.Veo31));

        Assert.Equal(2, task.Videos.Count);
        Assert.Equal(task.VideoUrl, task.Videos[0].Url);
        Assert.All(task.Videos, video => Assert.Equal((3d, 160, 90), (video.Duration!.Value, video.Width!.Value, video.Height!.Value)));
        foreach (var video in task.Videos)
        {
            using var file = new MemoryStream();
            await client.DownloadVideoAsync(video, file);
            Assert.Equal(LemonDataSimulator.SampleVideo.ToArray(), file.ToArray());
        }
    }
}
