using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using LemonData.Video.Tests.Support;

namespace LemonData.Video.Tests.Integration;

/// <summary>
/// Only a refusal (400, 401, 402, 403, 404, 409, 413, 422, 429) proves that a create made nothing. Every other answer
/// (a 5xx of any kind and body, a 408, a status nobody documented) leaves the outcome unknown: the create is sent once,
/// the exception says that a task may exist and be charged, never "try again", and carries the task id when any part
/// of the answer named it.
/// </summary>
public sealed class CreateOutcomeTests : IDisposable
{
    private const string CreatePath = "/v1/videos/generations";

    private readonly FakeLemonDataService _service = new();

    public void Dispose() => _service.Dispose();

    private static VideoGenerationRequest Request => new() { Prompt = "A paper boat on a river" };

    public static IEnumerable<object[]> UnknownOutcomeAnswers() => new[]
    {
        new object[] { 500, FakeLemonDataService.ErrorBody("Internal error", "server_error", "internal_error") },
        new object[] { 502, "<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>" },
        new object[] { 503, """{"error":{"message":"Model sora-2 is unavailable right now","type":"service_unavailable","code":"model_unavailable","retryable":true}}""" },
        new object[] { 504, string.Empty },
        new object[] { 408, FakeLemonDataService.ErrorBody("Request timeout", "timeout_error", "request_timeout") },
        new object[] { 418, "I'm a teapot" },
        new object[] { 599, FakeLemonDataService.ErrorBody("Network connect timeout", "server_error", "upstream_timeout") },
    };

    [Theory]
    [MemberData(nameof(UnknownOutcomeAnswers))]
    public async Task A_create_answered_with_anything_but_a_refusal_is_sent_once_and_may_have_made_a_charged_task(int status, string body)
    {
        _service.GivenCreate(body, status);
        var client = _service.CreateClient(options => options.MaxRetries = 5);

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(Request));

        Assert.Equal(status, error.StatusCode);
        Assert.True(error.TaskMayExist, error.Message);
        Assert.Null(error.TaskId);
        Assert.Contains("may have been created and charged", error.Message, StringComparison.Ordinal);
        Assert.Contains("do not submit the request again blindly", error.Message, StringComparison.Ordinal);
        Assert.Contains("check your tasks first", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not prove that nothing was made", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("try again later", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Nothing was created", error.Message, StringComparison.Ordinal);
        Assert.Single(_service.RequestsTo("POST", CreatePath));
    }

    [Fact]
    public async Task A_503_model_unavailable_keeps_the_service_s_code_and_message()
    {
        _service.GivenCreate("""{"error":{"message":"Model sora-2 is unavailable right now","type":"service_unavailable","code":"model_unavailable"}}""", 503);
        var client = _service.CreateClient();

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(Request));

        Assert.Equal("model_unavailable", error.ErrorCode);
        Assert.Contains("Model sora-2 is unavailable right now", error.Message, StringComparison.Ordinal);
        Assert.True(error.TaskMayExist);
    }

    [Theory]
    [InlineData(500, """{"id":"ldtask_5xx","task_id":"ldtask_5xx","status":"pending","error":{"message":"Upstream timed out after accepting the job","type":"server_error","code":"upstream_timeout"}}""")]
    [InlineData(502, """{"error":{"message":"Bad gateway","type":"server_error","code":"upstream_error"},"task_id":"ldtask_5xx"}""")]
    [InlineData(503, """{"task_id":"ldtask_5xx","error":{"message":"Model unavailable","code":"model_unavailable"}}""")]
    [InlineData(504, """{"error":{"message":"Gateway timeout","code":"gateway_timeout"},"id":"ldtask_5xx"}""")]
    public async Task A_5xx_that_names_its_task_carries_the_id_and_says_how_to_resume(int status, string body)
    {
        _service.GivenCreate(body, status);
        var client = _service.CreateClient(options => options.MaxRetries = 5);

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(Request));

        Assert.True(error.TaskMayExist);
        Assert.Equal("ldtask_5xx", error.TaskId);
        Assert.Equal("ldtask_5xx", error.GetVideoTaskId());
        Assert.Contains("The task 'ldtask_5xx' may exist and be charged: do not submit the request again", error.Message, StringComparison.Ordinal);
        Assert.Contains("WaitForCompletionAsync(\"ldtask_5xx\")", error.Message, StringComparison.Ordinal);
        Assert.Single(_service.RequestsTo("POST", CreatePath));
    }

    [Fact]
    public async Task GenerateVideo_answered_5xx_is_not_sent_again_and_polls_nothing()
    {
        _service.GivenCreate(FakeLemonDataService.ErrorBody("Upstream failed", "server_error", "upstream_error"), 502);
        var client = _service.CreateClient(options => options.MaxRetries = 5);

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.GenerateVideoAsync(Request));

        Assert.True(error.TaskMayExist);
        var request = Assert.Single(_service.AllRequests);
        Assert.Equal("POST", request.RequestMessage.Method);
    }

    [Theory]
    [InlineData(400, "invalid_parameter")]
    [InlineData(401, "invalid_api_key")]
    [InlineData(402, "insufficient_balance")]
    [InlineData(403, "model_not_allowed")]
    [InlineData(404, "model_not_found")]
    [InlineData(409, "conflict")]
    [InlineData(413, "payload_too_large")]
    [InlineData(422, "unprocessable")]
    public async Task A_refusal_says_that_nothing_was_created(int status, string code)
    {
        _service.GivenCreate(FakeLemonDataService.ErrorBody("Refused", "invalid_request_error", code), status);
        var client = _service.CreateClient(options => options.MaxRetries = 5);

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(Request));

        Assert.Equal(status, error.StatusCode);
        Assert.False(error.TaskMayExist);
        Assert.Contains("Nothing was created or charged.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("may have been created", error.Message, StringComparison.Ordinal);
        Assert.Single(_service.RequestsTo("POST", CreatePath));
    }

    [Fact]
    public async Task A_429_whose_retries_ran_out_says_that_nothing_was_created()
    {
        _service.GivenCreate(
            FakeLemonDataService.ErrorBody("Rate limit reached", "rate_limit_error", "rate_limit_exceeded"),
            429,
            new Dictionary<string, string> { ["Retry-After"] = "0" });
        var client = _service.CreateClient(options => options.MaxRetries = 2);

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(Request));

        Assert.Equal(429, error.StatusCode);
        Assert.False(error.TaskMayExist);
        Assert.Contains("Nothing was created or charged.", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, _service.RequestsTo("POST", CreatePath).Count);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(408)]
    public async Task A_read_answered_5xx_or_408_is_still_retried(int status)
    {
        _service.GivenSequence(
            "GET",
            "/v1/tasks/ldtask_read",
            (status, FakeLemonDataService.ErrorBody("Busy", "server_error", "busy"), null),
            (status, "<html>busy</html>", null),
            (200, """{"id":"ldtask_read","status":"processing"}""", null));
        var client = _service.CreateClient(options => options.MaxRetries = 3);

        var task = await client.GetVideoTaskAsync("ldtask_read");

        Assert.Equal(VideoTaskStatus.Processing, task.Status);
        Assert.Equal(3, _service.RequestsTo("GET", "/v1/tasks/ldtask_read").Count);
    }

    [Fact]
    public async Task A_read_whose_5xx_retries_ran_out_does_not_claim_a_task_was_made()
    {
        _service.Given("GET", "/v1/tasks/ldtask_down", 503, FakeLemonDataService.ErrorBody("Down", "server_error", "service_unavailable"));
        var client = _service.CreateClient(options => options.MaxRetries = 1);

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.GetVideoTaskAsync("ldtask_down"));

        Assert.False(error.TaskMayExist);
        Assert.Equal("ldtask_down", error.TaskId);
        Assert.DoesNotContain("Nothing was created", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, _service.RequestsTo("GET", "/v1/tasks/ldtask_down").Count);
    }
}
