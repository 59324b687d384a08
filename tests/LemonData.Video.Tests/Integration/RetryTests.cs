using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using LemonData.Video.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace LemonData.Video.Tests.Integration;

public sealed class RetryTests : IDisposable
{
    private const string CreatePath = "/v1/videos/generations";

    private readonly FakeLemonDataService _service = new();

    public void Dispose() => _service.Dispose();

    private static VideoGenerationRequest Request => new() { Prompt = "A red fox in the snow" };

    private static IDictionary<string, string> Headers(string name, string value) => new Dictionary<string, string> { [name] = value };

    private static string TaskJson(string id, string status) => "{\"id\":\"" + id + "\",\"status\":\"" + status + "\"}";

    [Fact]
    public async Task Get_that_answers_503_then_200_succeeds_after_one_retry()
    {
        _service.GivenSequence(
            "GET",
            "/v1/tasks/ldtask_r1",
            (503, FakeLemonDataService.ErrorBody("Service unavailable", "server_error", "service_unavailable"), null),
            (200, TaskJson("ldtask_r1", "processing"), null));
        var client = _service.CreateClient();

        var task = await client.GetVideoTaskAsync("ldtask_r1");

        Assert.Equal("ldtask_r1", task.Id);
        Assert.Equal(VideoTaskStatus.Processing, task.Status);
        Assert.Equal(2, _service.RequestsTo("GET", "/v1/tasks/ldtask_r1").Count);
    }

    [Fact]
    public async Task Get_that_answers_429_with_Retry_After_in_seconds_waits_that_long_before_retrying()
    {
        _service.GivenSequence(
            "GET",
            "/v1/tasks/ldtask_r2",
            (429, FakeLemonDataService.ErrorBody("Slow down", "rate_limit_error", "rate_limit_exceeded"), Headers("Retry-After", "1")),
            (200, TaskJson("ldtask_r2", "processing"), null));
        var client = _service.CreateClient();

        var task = await client.GetVideoTaskAsync("ldtask_r2");

        Assert.Equal(VideoTaskStatus.Processing, task.Status);
        var requests = _service.RequestsTo("GET", "/v1/tasks/ldtask_r2").OrderBy(entry => entry.RequestMessage.DateTime).ToList();
        Assert.Equal(2, requests.Count);
        var gap = requests[1].RequestMessage.DateTime - requests[0].RequestMessage.DateTime;
        Assert.True(gap >= TimeSpan.FromSeconds(0.9), "The retry came " + gap.TotalMilliseconds + " ms after the 429, before the 1 s the service asked for.");
        Assert.True(gap < TimeSpan.FromSeconds(5), "The retry came " + gap.TotalMilliseconds + " ms after the 429.");
    }

    [Fact]
    public async Task Get_that_answers_429_with_an_http_date_Retry_After_waits_until_that_date()
    {
        // Whole seconds: an HTTP date has no fractions.
        var now = DateTimeOffset.UtcNow;
        var clock = new FakeTimeProvider(new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero));
        var start = clock.GetUtcNow();
        var retryAt = start.AddSeconds(20);
        _service.GivenSequence(
            "GET",
            "/v1/tasks/ldtask_r3",
            (429, FakeLemonDataService.ErrorBody("Slow down", "rate_limit_error", "rate_limit_exceeded"), Headers("Retry-After", retryAt.ToString("r", CultureInfo.InvariantCulture))),
            (200, TaskJson("ldtask_r3", "processing"), null));
        var client = _service.CreateClient(options => options.TimeProvider = clock);

        var call = client.GetVideoTaskAsync("ldtask_r3");
        DateTimeOffset? retriedAt = null;
        for (var step = 0; step < 60 && !call.IsCompleted; step++)
        {
            await WaitForAsync(() => _service.RequestsTo("GET", "/v1/tasks/ldtask_r3").Count >= 1, TimeSpan.FromSeconds(5));
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(call, Task.Delay(20));
            if (retriedAt is null && _service.RequestsTo("GET", "/v1/tasks/ldtask_r3").Count >= 2)
            {
                retriedAt = clock.GetUtcNow();
            }
        }

        Assert.True(call.IsCompleted, "The retry never happened within 60 s of fake time.");
        var task = await call;
        Assert.Equal(VideoTaskStatus.Processing, task.Status);
        Assert.Equal(2, _service.RequestsTo("GET", "/v1/tasks/ldtask_r3").Count);
        Assert.NotNull(retriedAt);
        Assert.True(retriedAt >= retryAt, "Retried at +" + (retriedAt!.Value - start).TotalSeconds + " s, before the Retry-After date (+20 s).");
        Assert.True(retriedAt <= retryAt.AddSeconds(10), "Retried at +" + (retriedAt.Value - start).TotalSeconds + " s, long after the Retry-After date (+20 s).");
    }

    [Fact]
    public async Task Retry_After_longer_than_MaxRetryDelay_is_not_waited_and_the_exception_carries_it()
    {
        var retryAt = DateTimeOffset.UtcNow.AddMinutes(10);
        _service.GivenSequence(
            "GET",
            "/v1/tasks/ldtask_r4",
            (429, FakeLemonDataService.ErrorBody("Slow down", "rate_limit_error", "rate_limit_exceeded"), Headers("Retry-After", retryAt.ToString("r", CultureInfo.InvariantCulture))),
            (200, TaskJson("ldtask_r4", "processing"), null));
        var client = _service.CreateClient(options => options.MaxRetryDelay = TimeSpan.FromSeconds(60));

        var exception = await Assert.ThrowsAsync<LemonDataApiException>(() => client.GetVideoTaskAsync("ldtask_r4"));

        Assert.Equal(429, exception.StatusCode);
        Assert.NotNull(exception.RetryAfter);
        Assert.InRange(exception.RetryAfter!.Value, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10.1));
        Assert.Single(_service.RequestsTo("GET", "/v1/tasks/ldtask_r4"));
    }

    [Fact]
    public async Task Get_that_keeps_failing_with_500_is_sent_MaxRetries_plus_one_times_then_throws()
    {
        _service.Given("GET", "/v1/tasks/ldtask_r5", 500, FakeLemonDataService.ErrorBody("Internal error", "server_error", "internal_error"));
        var client = _service.CreateClient(options => options.MaxRetries = 3);

        var exception = await Assert.ThrowsAsync<LemonDataApiException>(() => client.GetVideoTaskAsync("ldtask_r5"));

        Assert.Equal(500, exception.StatusCode);
        Assert.Equal("internal_error", exception.ErrorCode);
        Assert.Equal("ldtask_r5", exception.TaskId);
        Assert.Equal(4, _service.RequestsTo("GET", "/v1/tasks/ldtask_r5").Count);
        Assert.Empty(_service.RequestsTo("GET", "/v1/videos/generations/ldtask_r5"));
    }

    [Fact]
    public async Task Get_with_MaxRetries_zero_is_sent_once()
    {
        _service.Given("GET", "/v1/tasks/ldtask_r6", 503, FakeLemonDataService.ErrorBody("Unavailable", "server_error", "service_unavailable"));
        var client = _service.CreateClient(options => options.MaxRetries = 0);

        var exception = await Assert.ThrowsAsync<LemonDataApiException>(() => client.GetVideoTaskAsync("ldtask_r6"));

        Assert.Equal(503, exception.StatusCode);
        Assert.Single(_service.RequestsTo("GET", "/v1/tasks/ldtask_r6"));
    }

    [Fact]
    public async Task Create_refused_with_429_and_Retry_After_is_sent_again_and_succeeds()
    {
        _service.GivenSequence(
            "POST",
            CreatePath,
            (429, FakeLemonDataService.ErrorBody("Too many requests", "rate_limit_error", "rate_limit_exceeded"), Headers("Retry-After", "0")),
            (200, """{"task_id":"video_after429","status":"pending"}""", null));
        var client = _service.CreateClient();

        var task = await client.CreateVideoAsync(Request);

        Assert.Equal("video_after429", task.Id);
        Assert.Equal(2, _service.RequestsTo("POST", CreatePath).Count);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Create_that_fails_with_a_server_error_is_never_sent_twice(int status)
    {
        _service.GivenSequence(
            "POST",
            CreatePath,
            (status, FakeLemonDataService.ErrorBody("Upstream failed", "server_error", "upstream_error"), null),
            (200, """{"task_id":"video_second","status":"pending"}""", null));
        var client = _service.CreateClient(options => options.MaxRetries = 3);

        var exception = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(Request));

        Assert.Equal(status, exception.StatusCode);
        Assert.Equal("upstream_error", exception.ErrorCode);
        Assert.Single(_service.RequestsTo("POST", CreatePath));
    }

    [Theory]
    [InlineData("<html>oops</html>")]
    [InlineData("{\"task_id\":")]
    public async Task Create_whose_200_answer_is_not_readable_is_not_resent_and_says_a_task_may_exist(string body)
    {
        _service.GivenCreate(body);
        var client = _service.CreateClient();

        var exception = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(Request));

        Assert.Equal(200, exception.StatusCode);
        Assert.True(exception.TaskMayExist);
        Assert.Null(exception.TaskId);
        Assert.NotNull(exception.ResponseExcerpt);
        Assert.StartsWith(body.Substring(0, 6), exception.ResponseExcerpt, StringComparison.Ordinal);
        Assert.Contains(body.Substring(0, 6), exception.Message, StringComparison.Ordinal);
        Assert.Single(_service.RequestsTo("POST", CreatePath));
    }

    [Fact]
    public async Task Create_whose_200_answer_breaks_off_after_the_task_id_reports_that_id()
    {
        _service.GivenCreate("""{"task_id":"video_x","status":"pend""");
        var client = _service.CreateClient();

        var exception = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(Request));

        Assert.Equal(200, exception.StatusCode);
        Assert.True(exception.TaskMayExist);
        Assert.Equal("video_x", exception.TaskId);
        Assert.Contains("video_x", exception.Message, StringComparison.Ordinal);
        Assert.Single(_service.RequestsTo("POST", CreatePath));
    }

    [Fact]
    public async Task Create_whose_answer_does_not_arrive_within_AttemptTimeout_is_not_resent_and_says_a_task_may_exist()
    {
        // The service takes the request and never answers (a WireMock delay would hold up disposal).
        using var hanging = new SilentServer();
        var handler = new CountingHandler();
        using var httpClient = new HttpClient(handler);
        var client = new LemonDataVideoClient(httpClient, new LemonDataVideoClientOptions
        {
            Endpoint = hanging.Endpoint,
            ApiKey = FakeLemonDataService.ApiKey,
            AttemptTimeout = TimeSpan.FromMilliseconds(150),
            RetryDelay = TimeSpan.FromMilliseconds(5),
            MaxRetries = 3,
        });
        var started = DateTime.UtcNow;

        var exception = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(Request));

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(1.5), "The attempt timeout did not end the call.");
        Assert.Equal(0, exception.StatusCode);
        Assert.True(exception.TaskMayExist);
        Assert.Null(exception.TaskId);
        Assert.Equal(1, handler.Attempts);
        await WaitForAsync(() => hanging.RequestLines.Count >= 1, TimeSpan.FromSeconds(2));
        Assert.Equal("POST /v1/videos/generations HTTP/1.1", Assert.Single(hanging.RequestLines));
    }

    [Fact]
    public async Task Get_whose_answer_does_not_arrive_within_AttemptTimeout_is_retried()
    {
        using var hanging = new SilentServer();
        var handler = new CountingHandler();
        using var httpClient = new HttpClient(handler);
        var client = new LemonDataVideoClient(httpClient, new LemonDataVideoClientOptions
        {
            Endpoint = hanging.Endpoint,
            ApiKey = FakeLemonDataService.ApiKey,
            AttemptTimeout = TimeSpan.FromMilliseconds(100),
            RetryDelay = TimeSpan.FromMilliseconds(5),
            MaxRetries = 2,
        });

        var exception = await Assert.ThrowsAsync<LemonDataApiException>(() => client.GetVideoTaskAsync("ldtask_hang"));

        Assert.Equal(0, exception.StatusCode);
        Assert.Equal("ldtask_hang", exception.TaskId);
        Assert.False(exception.TaskMayExist);
        Assert.Equal(3, handler.Attempts);
    }

    [Fact]
    public async Task Create_against_a_port_nobody_listens_on_is_retried_because_nothing_was_sent()
    {
        var handler = new CountingHandler();
        using var httpClient = new HttpClient(handler);
        var client = new LemonDataVideoClient(httpClient, new LemonDataVideoClientOptions
        {
            Endpoint = FakeLemonDataService.ClosedPortEndpoint(),
            ApiKey = FakeLemonDataService.ApiKey,
            RetryDelay = TimeSpan.FromMilliseconds(5),
            MaxRetries = 2,
        });

        var exception = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(Request));

        Assert.Equal(0, exception.StatusCode);
        Assert.False(exception.TaskMayExist);
        Assert.Equal(3, handler.Attempts);
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }
    }

    [Fact]
    public async Task A_wait_honours_a_retry_after_longer_than_a_retry_may_take_and_carries_on()
    {
        _service.GivenSequence(
            "GET",
            "/v1/tasks/ldtask_patient",
            (429, FakeLemonDataService.ErrorBody("Slow down", "rate_limit_error", "rate_limit_exceeded"), Headers("Retry-After", "1")),
            (200, TaskJson("ldtask_patient", "completed"), null));
        var client = _service.CreateClient(options => options.MaxRetryDelay = TimeSpan.FromMilliseconds(10));

        var task = await client.WaitForCompletionAsync("ldtask_patient");

        Assert.Equal(VideoTaskStatus.Completed, task.Status);
        var polls = _service.RequestsTo("GET", "/v1/tasks/ldtask_patient").OrderBy(entry => entry.RequestMessage.DateTime).ToList();
        Assert.Equal(2, polls.Count);
        Assert.True(polls[1].RequestMessage.DateTime - polls[0].RequestMessage.DateTime >= TimeSpan.FromSeconds(0.9), "The wait did not honour Retry-After: 1.");
    }

    [Fact]
    public async Task A_single_read_still_reports_a_retry_after_beyond_the_cap_to_the_caller()
    {
        _service.Given("GET", "/v1/tasks/ldtask_busy", 429, FakeLemonDataService.ErrorBody("Slow down", "rate_limit_error", "rate_limit_exceeded"), Headers("Retry-After", "120"));
        var client = _service.CreateClient();

        var exception = await Assert.ThrowsAsync<LemonDataApiException>(() => client.GetVideoTaskAsync("ldtask_busy"));

        Assert.Equal(429, exception.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(120), exception.RetryAfter);
        Assert.Single(_service.RequestsTo("GET", "/v1/tasks/ldtask_busy"));
    }
}
