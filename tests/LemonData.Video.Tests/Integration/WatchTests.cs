using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LemonData.Video.Tests.Support;

namespace LemonData.Video.Tests.Integration;

/// <summary><see cref="LemonDataVideoClient.WatchVideoTaskAsync(string, CancellationToken)"/>: each change once, in order, the terminal state last.</summary>
public sealed class WatchTests : IDisposable
{
    private readonly FakeLemonDataService _service = new();

    public void Dispose() => _service.Dispose();

    [Fact]
    public async Task Each_change_is_yielded_once_in_order_and_the_terminal_state_last()
    {
        _service.GivenSequence(
            "/v1/tasks/ldtask_w1",
            """{"id":"ldtask_w1","status":"pending"}""",
            """{"id":"ldtask_w1","status":"pending"}""",
            """{"id":"ldtask_w1","status":"processing","progress":10}""",
            """{"id":"ldtask_w1","status":"processing","progress":10}""",
            """{"id":"ldtask_w1","status":"processing","progress":10}""",
            """{"id":"ldtask_w1","status":"processing","progress":55}""",
            """{"id":"ldtask_w1","status":"running","progress":55}""",
            """{"id":"ldtask_w1","status":"completed","progress":100,"video_url":"https://cdn.example/w1.mp4"}""");
        var client = _service.CreateClient();

        var seen = await CollectAsync(client.WatchVideoTaskAsync("ldtask_w1"));

        Assert.Equal(
            new[] { "pending ", "processing 10", "processing 55", "running 55", "completed 100" },
            seen.Select(task => task.Status + " " + task.Progress));
        Assert.True(seen[^1].IsTerminal);
        Assert.Equal("https://cdn.example/w1.mp4", seen[^1].VideoUrl);
        Assert.All(seen.Take(seen.Count - 1), task => Assert.False(task.IsTerminal));
        Assert.Equal(8, _service.RequestsTo("GET", "/v1/tasks/ldtask_w1").Count);
    }

    [Fact]
    public async Task A_failed_task_is_yielded_last_not_thrown()
    {
        _service.GivenSequence(
            "/v1/tasks/ldtask_w2",
            """{"id":"ldtask_w2","status":"processing","progress":30}""",
            """{"id":"ldtask_w2","status":"failed","error":{"code":"content_policy","message":"Refused by moderation"}}""");
        var client = _service.CreateClient();

        var seen = await CollectAsync(client.WatchVideoTaskAsync("ldtask_w2"));

        Assert.Equal(2, seen.Count);
        var last = seen[^1];
        Assert.Equal(VideoTaskStatus.Failed, last.Status);
        Assert.Equal("Refused by moderation", last.Error);
        Assert.Equal(2, _service.RequestsTo("GET", "/v1/tasks/ldtask_w2").Count);
    }

    [Fact]
    public async Task A_terminal_synonym_ends_the_watch_and_an_unknown_status_does_not()
    {
        _service.GivenSequence(
            "/v1/tasks/ldtask_w3",
            """{"id":"ldtask_w3","status":"queued"}""",
            """{"id":"ldtask_w3","status":"thinking_about_it"}""",
            """{"id":"ldtask_w3","status":"expired"}""");
        var client = _service.CreateClient();

        var seen = await CollectAsync(client.WatchVideoTaskAsync("ldtask_w3"));

        Assert.Equal(new[] { "queued", "thinking_about_it", "expired" }, seen.Select(task => task.Status.ToString()));
        Assert.Equal(VideoTaskStatus.Failed, seen[^1].Status);
    }

    [Fact]
    public async Task Cancelling_stops_promptly_with_the_task_id_and_sends_no_further_request()
    {
        GivenStuck("ldtask_w4");
        var client = _service.CreateClient(options => options.PollInterval = TimeSpan.FromSeconds(30));
        using var cancellation = new CancellationTokenSource();
        var seen = new List<VideoTask>();
        var clock = new Stopwatch();

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var task in client.WatchVideoTaskAsync("ldtask_w4", cancellation.Token))
            {
                seen.Add(task);
                clock.Start();
                cancellation.CancelAfter(TimeSpan.FromMilliseconds(100));
            }
        });

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), "Took " + clock.Elapsed + " to stop after cancellation.");
        var canceled = Assert.IsType<OperationCanceledException>(exception);
        Assert.Equal("ldtask_w4", canceled.GetVideoTaskId());
        Assert.Contains("ldtask_w4", canceled.Message, StringComparison.Ordinal);
        Assert.Single(seen);
        await Task.Delay(200);
        Assert.Single(_service.RequestsTo("GET", "/v1/tasks/ldtask_w4"));
        Assert.DoesNotContain(_service.AllRequests, entry => entry.RequestMessage.Method == "DELETE");
    }

    [Fact]
    public async Task A_token_given_to_WithCancellation_stops_the_watch_too()
    {
        GivenStuck("ldtask_w5");
        var client = _service.CreateClient(options => options.PollInterval = TimeSpan.FromSeconds(30));
        using var cancellation = new CancellationTokenSource();

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var task in client.WatchVideoTaskAsync("ldtask_w5").WithCancellation(cancellation.Token))
            {
                cancellation.Cancel();
            }
        });

        Assert.Equal("ldtask_w5", exception.GetVideoTaskId());
        Assert.Single(_service.RequestsTo("GET", "/v1/tasks/ldtask_w5"));
    }

    [Fact]
    public async Task Leaving_the_loop_stops_polling()
    {
        GivenStuck("ldtask_w6");
        var client = _service.CreateClient();

        await foreach (var task in client.WatchVideoTaskAsync("ldtask_w6"))
        {
            break;
        }

        await Task.Delay(200);
        Assert.Single(_service.RequestsTo("GET", "/v1/tasks/ldtask_w6"));
    }

    [Fact]
    public async Task WaitTimeout_ends_a_watch_with_a_TimeoutException_naming_the_task()
    {
        GivenStuck("ldtask_w7");
        var client = _service.CreateClient(options => options.WaitTimeout = TimeSpan.FromSeconds(1));
        var seen = new List<VideoTask>();

        var exception = await Assert.ThrowsAsync<TimeoutException>(async () =>
        {
            await foreach (var task in client.WatchVideoTaskAsync("ldtask_w7"))
            {
                seen.Add(task);
            }
        });

        Assert.Equal("ldtask_w7", exception.GetVideoTaskId());
        Assert.Contains("ldtask_w7", exception.Message, StringComparison.Ordinal);
        Assert.Single(seen);
        Assert.True(_service.RequestsTo("GET", "/v1/tasks/ldtask_w7").Count > 1, "A stuck task is polled again and again until the timeout.");
    }

    [Fact]
    public async Task A_poll_that_fails_past_its_retries_ends_the_watch_with_the_same_error_as_a_wait()
    {
        _service.Given("GET", "/v1/tasks/ldtask_gone", 404, FakeLemonDataService.ErrorBody("Task not found or no longer available.", "invalid_request_error", "async_task_not_found"));
        _service.Given("GET", "/v1/videos/generations/ldtask_gone", 404, FakeLemonDataService.ErrorBody("Task not found or no longer available.", "invalid_request_error", "async_task_not_found"));
        var client = _service.CreateClient();

        var watched = await Assert.ThrowsAsync<LemonDataApiException>(() => CollectAsync(client.WatchVideoTaskAsync("ldtask_gone")));
        var waited = await Assert.ThrowsAsync<LemonDataApiException>(() => client.WaitForCompletionAsync("ldtask_gone"));

        Assert.Equal(404, watched.StatusCode);
        Assert.Equal("async_task_not_found", watched.ErrorCode);
        Assert.Equal("ldtask_gone", watched.TaskId);
        Assert.Equal(waited.Message, watched.Message);
    }

    [Fact]
    public async Task A_429_with_Retry_After_is_waited_out_within_the_watch()
    {
        _service.GivenSequence(
            "GET",
            "/v1/tasks/ldtask_w8",
            (429, FakeLemonDataService.ErrorBody("Slow down", "rate_limit_error", "rate_limit_exceeded"), new Dictionary<string, string> { ["Retry-After"] = "0.1" }),
            (200, """{"id":"ldtask_w8","status":"completed","video_url":"https://cdn.example/w8.mp4"}""", null));
        var client = _service.CreateClient(options => options.MaxRetries = 0);

        var seen = await CollectAsync(client.WatchVideoTaskAsync("ldtask_w8"));

        Assert.Equal(VideoTaskStatus.Completed, Assert.Single(seen).Status);
    }

    [Fact]
    public async Task The_poll_url_of_a_created_task_is_watched()
    {
        _service.GivenCreate("""{"id":"ldtask_w9","poll_url":"/v2/poll/ldtask_w9","status":"pending"}""");
        _service.GivenSequence("/v2/poll/ldtask_w9", """{"id":"ldtask_w9","status":"completed","video_url":"https://cdn.example/w9.mp4"}""");
        var client = _service.CreateClient();
        var created = await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "A kite" });

        var byTask = await CollectAsync(client.WatchVideoTaskAsync(created));
        var byId = await CollectAsync(client.WatchVideoTaskAsync(created.Id));

        Assert.Equal(new[] { "pending", "completed" }, byTask.Select(task => task.Status.ToString()));
        Assert.Same(created, byTask[0]);
        Assert.Equal("completed", Assert.Single(byId).Status.ToString());
        Assert.Equal(2, _service.RequestsTo("GET", "/v2/poll/ldtask_w9").Count);
        Assert.Empty(_service.RequestsTo("GET", "/v1/tasks/ldtask_w9"));
    }

    [Fact]
    public async Task A_given_task_is_yielded_first_and_a_poll_that_shows_nothing_new_is_not_yielded_again()
    {
        _service.GivenSequence(
            "/v1/tasks/ldtask_w10",
            """{"id":"ldtask_w10","status":"processing","progress":40}""",
            """{"id":"ldtask_w10","status":"completed","video_url":"https://cdn.example/w10.mp4"}""");
        var client = _service.CreateClient();
        var known = new VideoTask("ldtask_w10", VideoTaskStatus.Processing) { Progress = 40 };

        var seen = await CollectAsync(client.WatchVideoTaskAsync(known));

        Assert.Equal(2, seen.Count);
        Assert.Same(known, seen[0]);
        Assert.Equal(VideoTaskStatus.Completed, seen[1].Status);
    }

    [Fact]
    public async Task A_task_that_has_ended_is_the_only_item_and_costs_no_request()
    {
        var client = _service.CreateClient();
        var done = new VideoTask("ldtask_w11", "succeeded") { VideoUrl = "https://cdn.example/w11.mp4" };
        var failed = new VideoTask("ldtask_w12", VideoTaskStatus.Failed) { Error = "No" };

        Assert.Same(done, Assert.Single(await CollectAsync(client.WatchVideoTaskAsync(done))));
        Assert.Same(failed, Assert.Single(await CollectAsync(client.WatchVideoTaskAsync(failed))));
        Assert.Empty(_service.AllRequests);
    }

    [Fact]
    public void Bad_arguments_are_refused_at_the_call_not_at_the_first_item()
    {
        var client = _service.CreateClient();

        Assert.Throws<ArgumentNullException>(() => client.WatchVideoTaskAsync((string)null!));
        Assert.Throws<ArgumentException>(() => client.WatchVideoTaskAsync(" "));
        Assert.Throws<ArgumentException>(() => client.WatchVideoTaskAsync(".."));
        Assert.Throws<ArgumentNullException>(() => client.WatchVideoTaskAsync((VideoTask)null!));
    }

    [Fact]
    public async Task Nothing_is_sent_until_the_watch_is_enumerated_and_each_enumeration_watches_anew()
    {
        _service.GivenSequence("/v1/tasks/ldtask_w13", """{"id":"ldtask_w13","status":"completed","video_url":"https://cdn.example/w13.mp4"}""");
        var client = _service.CreateClient();

        var watch = client.WatchVideoTaskAsync("ldtask_w13");
        await Task.Delay(100);
        Assert.Empty(_service.AllRequests);

        Assert.Single(await CollectAsync(watch));
        Assert.Single(await CollectAsync(watch));
        Assert.Equal(2, _service.RequestsTo("GET", "/v1/tasks/ldtask_w13").Count);
    }

    private void GivenStuck(string id) =>
        _service.GivenSequence("/v1/tasks/" + id, "{\"id\":\"" + id + "\",\"status\":\"processing\",\"progress\":42}");

    private static async Task<List<VideoTask>> CollectAsync(IAsyncEnumerable<VideoTask> watch)
    {
        var seen = new List<VideoTask>();
        await foreach (var task in watch)
        {
            seen.Add(task);
        }

        return seen;
    }
}
