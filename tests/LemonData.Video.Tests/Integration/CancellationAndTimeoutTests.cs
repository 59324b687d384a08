using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LemonData.Video.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace LemonData.Video.Tests.Integration;

public sealed class CancellationAndTimeoutTests : IDisposable
{
    private readonly FakeLemonDataService _service = new();

    public void Dispose() => _service.Dispose();

    private static VideoGenerationRequest Request => new() { Prompt = "A slow sunrise" };

    private void GivenStuckTask(string id)
    {
        _service.GivenCreate("{\"id\":\"" + id + "\",\"poll_url\":\"/v1/tasks/" + id + "\",\"status\":\"pending\"}");
        _service.GivenSequence("/v1/tasks/" + id, "{\"id\":\"" + id + "\",\"status\":\"processing\",\"progress\":42}");
    }

    [Fact]
    public async Task Cancelling_while_polling_ends_promptly_with_the_task_id_and_does_not_cancel_the_job()
    {
        GivenStuckTask("ldtask_cancel1");
        var client = _service.CreateClient();
        using var cts = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var cancelledAt = TimeSpan.Zero;
        var polls = 0;
        var progress = new SynchronousProgress<VideoTask>(task =>
        {
            if (task.Status == VideoTaskStatus.Processing && ++polls == 3)
            {
                cancelledAt = clock.Elapsed;
                cts.Cancel();
            }
        });

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.GenerateVideoAsync(Request, progress, cts.Token));

        Assert.True(clock.Elapsed - cancelledAt < TimeSpan.FromSeconds(2), "Took " + (clock.Elapsed - cancelledAt) + " to stop after cancellation.");
        var waitCanceled = Assert.IsType<OperationCanceledException>(exception);
        Assert.Equal("ldtask_cancel1", waitCanceled.GetVideoTaskId());
        Assert.Equal(cts.Token, waitCanceled.CancellationToken);
        Assert.Contains("ldtask_cancel1", waitCanceled.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_service.AllRequests, entry => entry.RequestMessage.Method == "DELETE");
    }

    [Fact]
    public async Task Cancelling_during_a_long_poll_interval_ends_promptly()
    {
        GivenStuckTask("ldtask_cancel2");
        var client = _service.CreateClient(options =>
        {
            options.PollInterval = TimeSpan.FromSeconds(30);
            options.WaitTimeout = TimeSpan.FromMinutes(5);
        });
        using var cts = new CancellationTokenSource();
        var created = await client.CreateVideoAsync(Request);
        var clock = Stopwatch.StartNew();
        cts.CancelAfter(TimeSpan.FromMilliseconds(200));

        // The first poll answers at once; the next one is 30 s away, and cancellation must not wait for it.
        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.WaitForCompletionAsync(created.Id, progress: null, cts.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), "Took " + clock.Elapsed + " to stop after cancellation.");
        Assert.Equal("ldtask_cancel2", Assert.IsType<OperationCanceledException>(exception).GetVideoTaskId());
        Assert.Single(_service.RequestsTo("GET", "/v1/tasks/ldtask_cancel2"));
        Assert.DoesNotContain(_service.AllRequests, entry => entry.RequestMessage.Method == "DELETE");
    }

    [Fact]
    public async Task Cancelling_while_a_poll_request_is_in_flight_ends_promptly()
    {
        // The service takes the poll and never answers.
        using var hanging = new SilentServer();
        var client = _service.CreateClient(options => options.Endpoint = hanging.Endpoint);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.WaitForCompletionAsync("ldtask_cancel3", progress: null, cts.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5), "Took " + clock.Elapsed + " to stop after cancellation at 300 ms.");
        Assert.Equal("ldtask_cancel3", Assert.IsType<OperationCanceledException>(exception).GetVideoTaskId());
        Assert.Equal("GET /v1/tasks/ldtask_cancel3 HTTP/1.1", Assert.Single(hanging.RequestLines));
    }

    [Fact]
    public async Task Cancelling_before_create_sends_nothing()
    {
        GivenStuckTask("ldtask_never");
        var client = _service.CreateClient();
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.CreateVideoAsync(Request, cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GenerateVideoAsync(Request, progress: null, cts.Token));

        Assert.Empty(_service.AllRequests);
    }

    [Fact]
    public async Task WaitTimeout_passing_on_a_task_stuck_in_processing_throws_TimeoutException_naming_the_task()
    {
        _service.GivenSequence("/v1/tasks/ldtask_stuck", """{"id":"ldtask_stuck","status":"processing","progress":10}""");
        var client = _service.CreateClient(options => options.WaitTimeout = TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        var exception = await Assert.ThrowsAnyAsync<TimeoutException>(() => client.WaitForCompletionAsync("ldtask_stuck"));

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(250), "Gave up after " + clock.Elapsed + ", before the 300 ms wait timeout.");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), "Took " + clock.Elapsed + " for a 300 ms wait timeout.");
        Assert.Contains("ldtask_stuck", exception.Message, StringComparison.Ordinal);
        Assert.Equal("ldtask_stuck", Assert.IsType<TimeoutException>(exception).GetVideoTaskId());
        Assert.NotEmpty(_service.RequestsTo("GET", "/v1/tasks/ldtask_stuck"));
        Assert.DoesNotContain(_service.AllRequests, entry => entry.RequestMessage.Method == "DELETE");
    }

    [Fact]
    public async Task WaitTimeout_ends_the_wait_even_while_a_poll_request_hangs()
    {
        using var hanging = new SilentServer();
        var client = _service.CreateClient(options =>
        {
            options.Endpoint = hanging.Endpoint;
            options.WaitTimeout = TimeSpan.FromMilliseconds(300);
        });
        var clock = Stopwatch.StartNew();

        var exception = await Assert.ThrowsAnyAsync<TimeoutException>(() => client.WaitForCompletionAsync("ldtask_hung"));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5), "Took " + clock.Elapsed + " for a 300 ms wait timeout.");
        Assert.Contains("ldtask_hung", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_while_the_create_is_in_flight_ends_promptly_and_does_not_resend_it()
    {
        using var hanging = new SilentServer();
        var client = _service.CreateClient(options => options.Endpoint = hanging.Endpoint);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GenerateVideoAsync(Request, progress: null, cts.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5), "Took " + clock.Elapsed + " to stop after cancellation at 200 ms.");
        await Task.Delay(50);
        Assert.Equal("POST /v1/videos/generations HTTP/1.1", Assert.Single(hanging.RequestLines));
    }

    [Fact]
    public async Task With_a_fake_clock_a_Retry_After_on_a_poll_answer_slows_polling_down()
    {
        var fake = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var pollTimes = new List<DateTimeOffset>();
        _service.GivenObservedSequence(
            "/v1/tasks/ldtask_slow_down",
            () => pollTimes.Add(fake.GetUtcNow()),
            new Dictionary<string, string> { ["Retry-After"] = "15" },
            """{"id":"ldtask_slow_down","status":"processing","progress":10}""",
            """{"id":"ldtask_slow_down","status":"completed","video_url":"https://cdn.example/s.mp4"}""");
        var client = _service.CreateClient(options =>
        {
            options.TimeProvider = fake;
            options.PollInterval = TimeSpan.FromSeconds(2);
        });

        var call = client.WaitForCompletionAsync("ldtask_slow_down");
        await DriveAsync(fake, call, () => _service.RequestsTo("GET", "/v1/tasks/ldtask_slow_down").Count, maxSteps: 60);

        Assert.True(call.IsCompleted, "The wait did not end within 60 s of fake time.");
        Assert.Equal(VideoTaskStatus.Completed, (await call).Status);
        Assert.Equal(2, pollTimes.Count);
        Assert.True(pollTimes[1] - pollTimes[0] >= TimeSpan.FromSeconds(15), "The second poll came " + (pollTimes[1] - pollTimes[0]).TotalSeconds + " s (fake) after an answer asking for 15 s.");
    }

    [Fact]
    public async Task With_a_fake_clock_polls_are_spaced_by_PollInterval_without_real_waiting()
    {
        var fake = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        _service.GivenCreate("""{"id":"ldtask_fake","poll_url":"/v1/tasks/ldtask_fake","status":"pending"}""");
        var pollTimes = new List<DateTimeOffset>();
        _service.GivenObservedSequence(
            "/v1/tasks/ldtask_fake",
            () => pollTimes.Add(fake.GetUtcNow()),
            null,
            """{"id":"ldtask_fake","status":"processing","progress":10}""",
            """{"id":"ldtask_fake","status":"processing","progress":50}""",
            """{"id":"ldtask_fake","status":"processing","progress":90}""",
            """{"id":"ldtask_fake","status":"completed","video_url":"https://cdn.example/fake.mp4"}""");
        var client = _service.CreateClient(options =>
        {
            options.TimeProvider = fake;
            options.PollInterval = TimeSpan.FromSeconds(10);
            options.WaitTimeout = TimeSpan.FromMinutes(10);
        });
        var created = await client.CreateVideoAsync(Request);
        var start = fake.GetUtcNow();
        var real = Stopwatch.StartNew();

        var call = client.WaitForCompletionAsync(created.Id);
        await DriveAsync(fake, call, () => _service.RequestsTo("GET", "/v1/tasks/ldtask_fake").Count, maxSteps: 120);

        Assert.True(call.IsCompleted, "The wait did not end within 120 s of fake time.");
        var task = await call;
        Assert.Equal(VideoTaskStatus.Completed, task.Status);
        Assert.Equal(4, _service.RequestsTo("GET", "/v1/tasks/ldtask_fake").Count);
        Assert.True(real.Elapsed < TimeSpan.FromSeconds(10), "Real time taken: " + real.Elapsed);

        // Polls 2, 3 and 4 each waited one PollInterval (10 s, with at most 10 % jitter) of the fake clock.
        Assert.Equal(4, pollTimes.Count);
        for (var i = 1; i < pollTimes.Count; i++)
        {
            var gap = pollTimes[i] - pollTimes[i - 1];
            Assert.True(gap >= TimeSpan.FromSeconds(9), "Poll " + (i + 1) + " came " + gap.TotalSeconds + " s (fake) after the previous one.");
            Assert.True(gap <= TimeSpan.FromSeconds(20), "Poll " + (i + 1) + " came " + gap.TotalSeconds + " s (fake) after the previous one.");
        }

        Assert.True(fake.GetUtcNow() - start >= TimeSpan.FromSeconds(27));
    }

    [Fact]
    public async Task With_a_fake_clock_WaitTimeout_is_measured_on_that_clock()
    {
        var fake = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        _service.GivenSequence("/v1/tasks/ldtask_fake_stuck", """{"id":"ldtask_fake_stuck","status":"processing","progress":5}""");
        var client = _service.CreateClient(options =>
        {
            options.TimeProvider = fake;
            options.PollInterval = TimeSpan.FromSeconds(10);
            options.WaitTimeout = TimeSpan.FromMinutes(1);
        });
        var start = fake.GetUtcNow();
        var real = Stopwatch.StartNew();

        var call = client.WaitForCompletionAsync("ldtask_fake_stuck");
        await DriveAsync(fake, call, () => _service.RequestsTo("GET", "/v1/tasks/ldtask_fake_stuck").Count, maxSteps: 120);

        Assert.True(call.IsCompleted, "The wait did not end within 120 s of fake time.");
        var exception = await Assert.ThrowsAnyAsync<TimeoutException>(() => call);
        Assert.Contains("ldtask_fake_stuck", exception.Message, StringComparison.Ordinal);
        var elapsed = fake.GetUtcNow() - start;
        Assert.True(elapsed >= TimeSpan.FromMinutes(1), "Timed out after " + elapsed + " of fake time.");
        Assert.True(elapsed <= TimeSpan.FromSeconds(70), "Timed out after " + elapsed + " of fake time.");
        Assert.True(real.Elapsed < TimeSpan.FromSeconds(10), "Real time taken: " + real.Elapsed);

        // About one poll per 10 s of a 60 s wait, not a busy loop.
        Assert.InRange(_service.RequestsTo("GET", "/v1/tasks/ldtask_fake_stuck").Count, 3, 8);
    }

    /// <summary>
    /// Moves the fake clock one second at a time until <paramref name="call"/> ends (or
    /// <paramref name="maxSteps"/> seconds), giving the client real time after each step to send its
    /// request and read the answer.
    /// </summary>
    private static async Task DriveAsync(FakeTimeProvider fake, Task call, Func<int> requestCount, int maxSteps)
    {
        await SettleAsync(call, requestCount);
        for (var step = 0; step < maxSteps && !call.IsCompleted; step++)
        {
            fake.Advance(TimeSpan.FromSeconds(1));
            await SettleAsync(call, requestCount);
        }
    }

    private static async Task SettleAsync(Task call, Func<int> requestCount)
    {
        // A loopback request takes a few milliseconds; when one was made, let the client read the answer
        // and schedule its next wait before the fake clock moves again.
        var before = requestCount();
        await Task.WhenAny(call, Task.Delay(5));
        if (!call.IsCompleted && requestCount() != before)
        {
            await Task.WhenAny(call, Task.Delay(20));
        }
    }
}
