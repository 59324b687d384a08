using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using LemonData.Video.Tests.Support;

namespace LemonData.Video.Tests.Integration;

/// <summary>
/// A <c>Retry-After</c> longer than <see cref="LemonDataVideoClientOptions.MaxRetryDelay"/> is not waited for: the call
/// fails at once, with <see cref="LemonDataApiException.RetryAfter"/> set and a message that says how long the service
/// asked to wait, that it is over the cap, and what to do.
/// </summary>
public sealed class RetryAfterOverCapTests : IDisposable
{
    private const string CreatePath = "/v1/videos/generations";

    private readonly FakeLemonDataService _service = new();

    public void Dispose() => _service.Dispose();

    private static IDictionary<string, string> RetryAfter(string seconds) => new Dictionary<string, string> { ["Retry-After"] = seconds };

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task A_read_asked_to_wait_past_MaxRetryDelay_fails_at_once_and_says_why(int status)
    {
        _service.Given("GET", "/v1/tasks/ldtask_wait", status, FakeLemonDataService.ErrorBody("Please wait", "rate_limit_error", "rate_limit_exceeded"), RetryAfter("120"));
        var client = _service.CreateClient(options => options.MaxRetryDelay = TimeSpan.FromSeconds(60));

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.GetVideoTaskAsync("ldtask_wait")).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
        Assert.Contains("The service asked to wait 120 s, over MaxRetryDelay (60 s)", error.Message, StringComparison.Ordinal);
        Assert.Contains("raise LemonDataVideoClientOptions.MaxRetryDelay", error.Message, StringComparison.Ordinal);
        Assert.Contains("retry after 120 s yourself", error.Message, StringComparison.Ordinal);
        Assert.Equal("ldtask_wait", error.TaskId);
        Assert.Single(_service.RequestsTo("GET", "/v1/tasks/ldtask_wait"));
    }

    [Fact]
    public async Task A_create_s_429_asking_to_wait_past_MaxRetryDelay_fails_at_once_says_why_and_that_nothing_was_created()
    {
        _service.GivenCreate(FakeLemonDataService.ErrorBody("Rate limit reached", "rate_limit_error", "rate_limit_exceeded"), 429, RetryAfter("90"));
        var client = _service.CreateClient(options => options.MaxRetryDelay = TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "A fox" }));

        Assert.Equal(429, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(90), error.RetryAfter);
        Assert.False(error.TaskMayExist);
        Assert.Contains("Nothing was created or charged.", error.Message, StringComparison.Ordinal);
        Assert.Contains("The service asked to wait 90 s, over MaxRetryDelay (30 s)", error.Message, StringComparison.Ordinal);
        Assert.Single(_service.RequestsTo("POST", CreatePath));
    }

    [Fact]
    public async Task A_wait_within_MaxRetryDelay_is_waited_and_not_reported()
    {
        _service.GivenSequence(
            "GET",
            "/v1/tasks/ldtask_short",
            (429, FakeLemonDataService.ErrorBody("Slow down", "rate_limit_error", "rate_limit_exceeded"), RetryAfter("0")),
            (200, """{"id":"ldtask_short","status":"processing"}""", null));
        var client = _service.CreateClient(options => options.MaxRetryDelay = TimeSpan.FromSeconds(1));

        var task = await client.GetVideoTaskAsync("ldtask_short");

        Assert.Equal(VideoTaskStatus.Processing, task.Status);
    }

    [Fact]
    public async Task Retries_that_ran_out_are_not_blamed_on_MaxRetryDelay()
    {
        _service.Given("GET", "/v1/tasks/ldtask_out", 429, FakeLemonDataService.ErrorBody("Slow down", "rate_limit_error", "rate_limit_exceeded"), RetryAfter("0"));
        var client = _service.CreateClient(options => options.MaxRetries = 1);

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.GetVideoTaskAsync("ldtask_out"));

        Assert.DoesNotContain("MaxRetryDelay", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, _service.RequestsTo("GET", "/v1/tasks/ldtask_out").Count);
    }
}
