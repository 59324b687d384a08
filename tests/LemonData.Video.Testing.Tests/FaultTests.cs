using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using LemonData.Video;
using LemonData.Video.Testing.Tests.Support;

namespace LemonData.Video.Testing.Tests;

/// <summary>Every scripted fault, as the real SDK client meets it.</summary>
public class FaultTests
{
    private const string CreatePath = "/v1/videos/generations";

    [Fact]
    public async Task Rate_limited_poll_is_retried_after_Retry_After()
    {
        await using var simulator = LemonDataSimulator.Start();
        var retryAfter = TimeSpan.FromMilliseconds(300);
        simulator.Script.RateLimitNext(1, retryAfter, SimulatorTarget.Poll);
        var client = Clients.For(simulator);

        var task = await client.GenerateVideoAsync(Clients.Request());

        Assert.Equal(VideoTaskStatus.Completed, task.Status);
        var polls = simulator.Polls();
        Assert.Equal(429, polls[0].StatusCode);
        Assert.Equal(200, polls[1].StatusCode);
        Assert.True(
            polls[1].ReceivedAt - polls[0].ReceivedAt >= retryAfter - TimeSpan.FromMilliseconds(10),
            "the retry came " + (polls[1].ReceivedAt - polls[0].ReceivedAt).TotalMilliseconds + " ms after the 429, before its Retry-After");
        Assert.Single(simulator.Creates());
    }

    [Fact]
    public async Task Rate_limit_past_the_retry_cap_surfaces_Retry_After()
    {
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.RateLimitNext(1, TimeSpan.FromSeconds(20), SimulatorTarget.Create);
        var client = Clients.For(simulator, options => options.MaxRetryDelay = TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(Clients.Request()));

        Assert.Equal(429, error.StatusCode);
        Assert.Equal("rate_limit_exceeded", error.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(20), error.RetryAfter);
        Assert.Equal(1, simulator.CountRequests("POST", CreatePath));
    }

    [Fact]
    public async Task Rate_limited_create_is_sent_again_exactly_once()
    {
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.RateLimitNext(1, TimeSpan.FromMilliseconds(50), SimulatorTarget.Create);
        var client = Clients.For(simulator);

        var task = await client.GenerateVideoAsync(Clients.Request());

        Assert.Equal(VideoTaskStatus.Completed, task.Status);
        Assert.Equal(2, simulator.CountRequests("POST", CreatePath));
        Assert.Equal(new[] { 429, 200 }, simulator.Creates().Select(create => create.StatusCode).ToArray());
    }

    [Fact]
    public async Task Server_error_burst_on_polls_is_retried()
    {
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.ServerErrorNext(3, 503, SimulatorTarget.Poll);
        var client = Clients.For(simulator, options => options.MaxRetries = 3);

        var task = await client.GenerateVideoAsync(Clients.Request());

        Assert.Equal(VideoTaskStatus.Completed, task.Status);
        Assert.Equal(new[] { 503, 503, 503, 200 }, simulator.Polls().Take(4).Select(poll => poll.StatusCode).ToArray());
        Assert.Single(simulator.Creates());
    }

    [Fact]
    public async Task Server_error_burst_longer_than_the_retries_fails_the_read()
    {
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.ServerErrorNext(3, 502, SimulatorTarget.Poll);
        var client = Clients.For(simulator, options => options.MaxRetries = 2);
        var created = await client.CreateVideoAsync(Clients.Request());

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.GetVideoTaskAsync(created.Id));

        Assert.Equal(502, error.StatusCode);
        Assert.Equal("upstream_error", error.ErrorCode);
        Assert.Equal(3, simulator.Polls().Count);
    }

    [Fact]
    public async Task Server_error_on_create_is_never_sent_again()
    {
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.ServerErrorNext(1, 500, SimulatorTarget.Create);
        var client = Clients.For(simulator, options => options.MaxRetries = 5);

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.GenerateVideoAsync(Clients.Request()));

        Assert.Equal(500, error.StatusCode);
        Assert.True(error.TaskMayExist); // a 5xx does not prove that nothing was made
        Assert.Equal(1, simulator.CountRequests("POST", CreatePath));
        Assert.Empty(simulator.Polls());
    }

    [Fact]
    public async Task Slow_poll_past_the_attempt_timeout_is_abandoned_and_retried()
    {
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.DelayNext(1, TimeSpan.FromSeconds(5), SimulatorTarget.Poll);
        var client = Clients.For(simulator, options => options.AttemptTimeout = TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();

        var task = await client.GenerateVideoAsync(Clients.Request());

        Assert.Equal(VideoTaskStatus.Completed, task.Status);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), "the client waited for the slow answer: " + watch.Elapsed);
        var polls = simulator.Polls();
        Assert.Equal(0, polls[0].StatusCode); // never answered: the client went away first
        Assert.Equal(200, polls[1].StatusCode);
    }

    [Fact]
    public async Task Slow_answer_within_the_attempt_timeout_just_arrives_late()
    {
        await using var simulator = LemonDataSimulator.Start();
        var delay = TimeSpan.FromMilliseconds(200);
        simulator.Script.DelayNext(1, delay, SimulatorTarget.Create);
        var client = Clients.For(simulator);
        var watch = Stopwatch.StartNew();

        var created = await client.CreateVideoAsync(Clients.Request());

        Assert.True(watch.Elapsed >= delay - TimeSpan.FromMilliseconds(10));
        Assert.Equal(VideoTaskStatus.Pending, created.Status);
        Assert.Equal(1, simulator.CountRequests("POST", CreatePath));
    }

    [Fact]
    public async Task Slow_create_past_the_attempt_timeout_is_not_sent_again_and_may_have_made_a_task()
    {
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.DelayNext(1, TimeSpan.FromSeconds(5), SimulatorTarget.Create);
        var client = Clients.For(simulator, options => options.AttemptTimeout = TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(Clients.Request()));

        Assert.True(error.TaskMayExist);
        Assert.Equal(1, simulator.CountRequests("POST", CreatePath));
    }

    [Fact]
    public async Task Garbled_poll_answer_is_read_again()
    {
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.GarbleNext(1, SimulatorTarget.Poll);
        var client = Clients.For(simulator);
        var progress = new RecordingProgress();

        var task = await client.GenerateVideoAsync(Clients.Request(), progress);

        Assert.Equal(VideoTaskStatus.Completed, task.Status);

        // The garbled read took effect (it was the 'pending' one) but never reached the caller: the SDK read again.
        Assert.Equal(3, simulator.Polls().Count);
        Assert.Equal(new[] { "pending", "processing", "completed" }, progress.Seen.Select(seen => seen.Status.ToString()).ToArray());
    }

    [Fact]
    public async Task Garbled_create_answer_is_not_sent_again_and_its_task_id_is_salvaged()
    {
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.GarbleNext(1, SimulatorTarget.Create);
        var client = Clients.For(simulator);

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(Clients.Request()));

        Assert.Equal(200, error.StatusCode);
        Assert.True(error.TaskMayExist);
        Assert.NotNull(error.ResponseExcerpt);
        Assert.Equal(1, simulator.CountRequests("POST", CreatePath));

        // The garbled answer still named the task, and the task is real: resume it.
        Assert.NotNull(error.TaskId);
        var task = await client.WaitForCompletionAsync(error.TaskId!);
        Assert.Equal(VideoTaskStatus.Completed, task.Status);
    }

    [Fact]
    public async Task Garbled_answer_is_a_200_with_json_cut_off()
    {
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.GarbleNext(1, SimulatorTarget.Create);

        var (status, body, _) = await Raw.SendAsync(simulator, HttpMethod.Post, CreatePath, "{\"prompt\":\"A cat\"}");

        Assert.Equal(200, status);
        Assert.StartsWith("{\"id\":\"ldtask_", body);
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => Raw.Parse(body));
    }

    [Fact]
    public async Task Broken_off_download_is_continued_with_a_range_even_into_a_stream_that_cannot_seek()
    {
        await using var simulator = LemonDataSimulator.Start();
        var client = Clients.For(simulator);
        var task = await client.GenerateVideoAsync(Clients.Request());
        simulator.Script.GarbleNext(1, SimulatorTarget.Download);

        // The simulated CDN gives an ETag and answers Range, as a real one does: the SDK continues from the bytes written.
        using var forwardOnly = new NonSeekableStream();
        await client.DownloadVideoAsync(task, forwardOnly);

        Assert.Equal(LemonDataSimulator.SampleVideo.ToArray(), forwardOnly.ToArray());
        var downloads = simulator.Requests.Where(request => request.Path.StartsWith("/files/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, downloads.Count);
        Assert.Equal(206, downloads[1].StatusCode);
    }

    /// <summary>A destination that cannot seek: what a download has written to it cannot be taken back.</summary>
    private sealed class NonSeekableStream : MemoryStream
    {
        public override bool CanSeek => false;
    }

    [Fact]
    public async Task Server_errors_on_downloads_are_retried()
    {
        await using var simulator = LemonDataSimulator.Start();
        var client = Clients.For(simulator);
        var task = await client.GenerateVideoAsync(Clients.Request());
        simulator.Script.ServerErrorNext(2, 503, SimulatorTarget.Download);

        using var destination = new MemoryStream();
        await client.DownloadVideoAsync(task, destination);

        Assert.Equal(LemonDataSimulator.SampleVideo.ToArray(), destination.ToArray());
        Assert.Equal(new[] { 503, 503, 200 }, simulator.Requests.Where(request => request.Path.StartsWith("/files/", StringComparison.Ordinal)).Select(request => request.StatusCode).ToArray());
    }

    [Fact]
    public async Task Faults_are_taken_in_the_order_scripted_by_matching_requests_only()
    {
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.ServerErrorNext(1, 503, SimulatorTarget.Poll);
        simulator.Script.RateLimitNext(1, TimeSpan.Zero, SimulatorTarget.Poll);
        simulator.Script.ServerErrorNext(1, 500, SimulatorTarget.Create | SimulatorTarget.Cancel);

        var created = await Raw.SendAsync(simulator, HttpMethod.Post, CreatePath, "{\"prompt\":\"A cat\"}");
        Assert.Equal(500, created.Status); // the Poll faults do not match a create
        var id = Raw.Parse((await Raw.SendAsync(simulator, HttpMethod.Post, CreatePath, "{\"prompt\":\"A cat\"}")).Body).GetProperty("id").GetString();
        Assert.Equal(503, (await Raw.SendAsync(simulator, HttpMethod.Get, "/v1/tasks/" + id)).Status);
        Assert.Equal(429, (await Raw.SendAsync(simulator, HttpMethod.Get, "/v1/tasks/" + id)).Status);
        Assert.Equal(200, (await Raw.SendAsync(simulator, HttpMethod.Get, "/v1/tasks/" + id)).Status);
    }

    [Fact]
    public async Task Faults_come_before_the_key_check_but_never_hit_unknown_paths()
    {
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.ServerErrorNext(1);

        Assert.Equal(404, (await Raw.SendAsync(simulator, HttpMethod.Get, "/v1/nothing-here")).Status);
        Assert.Equal(503, (await Raw.SendAsync(simulator, HttpMethod.Post, CreatePath, "{\"prompt\":\"A cat\"}", key: null)).Status);
        Assert.Equal(401, (await Raw.SendAsync(simulator, HttpMethod.Post, CreatePath, "{\"prompt\":\"A cat\"}", key: null)).Status);
    }

    [Fact]
    public async Task Clear_forgets_every_scripted_fault()
    {
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.ServerErrorNext(5);
        simulator.Script.FailNextTask("boom");
        simulator.Script.Clear();

        var task = await Clients.For(simulator).GenerateVideoAsync(Clients.Request());

        Assert.Equal(VideoTaskStatus.Completed, task.Status);
        Assert.All(simulator.Requests, request => Assert.Equal(200, request.StatusCode));
    }

    [Fact]
    public void Script_arguments_are_checked()
    {
        using var simulator = LemonDataSimulator.Start();
        var script = simulator.Script;

        Assert.Throws<ArgumentOutOfRangeException>(() => script.RateLimitNext(0, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => script.RateLimitNext(1, TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => script.ServerErrorNext(1, 429));
        Assert.Throws<ArgumentOutOfRangeException>(() => script.ServerErrorNext(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => script.DelayNext(1, System.Threading.Timeout.InfiniteTimeSpan));
        Assert.Throws<ArgumentOutOfRangeException>(() => script.GarbleNext(1, SimulatorTarget.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => script.GarbleNext(1, (SimulatorTarget)64));
        Assert.Throws<ArgumentNullException>(() => script.FailNextTask(null!));
    }
}
