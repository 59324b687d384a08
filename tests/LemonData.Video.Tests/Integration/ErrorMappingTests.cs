using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LemonData.Video.Tests.Support;

namespace LemonData.Video.Tests.Integration;

public sealed class ErrorMappingTests : IDisposable
{
    private const string CreatePath = "/v1/videos/generations";

    private readonly FakeLemonDataService _service = new();

    public void Dispose() => _service.Dispose();

    private static VideoGenerationRequest Request => new() { Prompt = "A paper boat on a river" };

    [Fact]
    public async Task Status_401_maps_to_an_exception_with_type_and_code()
    {
        _service.GivenCreate(FakeLemonDataService.ErrorBody("Invalid API key", "authentication_error", "invalid_api_key"), 401);
        var client = _service.CreateClient();

        var exception = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(Request));

        Assert.Equal(401, exception.StatusCode);
        Assert.Equal("authentication_error", exception.ErrorType);
        Assert.Equal("invalid_api_key", exception.ErrorCode);
        Assert.Null(exception.Param);
        Assert.Null(exception.RetryAfter);
        Assert.False(exception.TaskMayExist);
        Assert.Contains("Invalid API key", exception.Message, StringComparison.Ordinal);
        Assert.Single(_service.RequestsTo("POST", CreatePath));
    }

    [Fact]
    public async Task Status_401_whose_message_echoes_the_key_never_puts_the_key_in_Message_or_ToString()
    {
        _service.GivenCreate(
            FakeLemonDataService.ErrorBody("Incorrect API key provided: " + FakeLemonDataService.ApiKey + ". Check your key.", "authentication_error", "invalid_api_key"),
            401);
        var client = _service.CreateClient();

        var exception = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(Request));

        Assert.Equal(401, exception.StatusCode);
        Assert.Contains("Incorrect API key provided", exception.Message, StringComparison.Ordinal);
        AssertKeyAbsent(exception);
    }

    [Fact]
    public async Task Error_pages_that_echo_the_key_in_html_never_put_the_key_in_Message_or_ToString()
    {
        _service.GivenCreate("<html><body>Bad gateway for Authorization: Bearer " + FakeLemonDataService.ApiKey + "</body></html>", 502);
        _service.Given("GET", "/v1/tasks/ldtask_echo", 403, FakeLemonDataService.ErrorBody("Key " + FakeLemonDataService.ApiKey + " may not read this task", "permission_error", "forbidden", FakeLemonDataService.ApiKey));
        var client = _service.CreateClient();

        var create = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(Request));
        var read = await Assert.ThrowsAsync<LemonDataApiException>(() => client.GetVideoTaskAsync("ldtask_echo"));

        Assert.Equal(502, create.StatusCode);
        Assert.Equal(403, read.StatusCode);
        AssertKeyAbsent(create);
        AssertKeyAbsent(read);
    }

    [Fact]
    public async Task Status_400_carries_the_parameter_at_fault_and_the_validation_errors()
    {
        _service.GivenCreate(
            """{"error":{"message":"fps must be between 1 and 120","type":"invalid_request_error","code":"invalid_parameter","param":"fps"},"validation_errors":[{"field":"fps","message":"must be between 1 and 120"},{"field":"duration","message":"must be 5 or 10"}]}""",
            400);
        var client = _service.CreateClient();

        var exception = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(Request));

        Assert.Equal(400, exception.StatusCode);
        Assert.Equal("invalid_request_error", exception.ErrorType);
        Assert.Equal("invalid_parameter", exception.ErrorCode);
        Assert.Equal("fps", exception.Param);
        Assert.Equal(
            new[] { "fps: must be between 1 and 120", "duration: must be 5 or 10" },
            exception.ValidationErrors.Select(field => field.Field + ": " + field.Message));
        Assert.Contains("Nothing was created", exception.Message, StringComparison.Ordinal);
        Assert.False(exception.TaskMayExist);
        Assert.Contains("fps must be between 1 and 120", exception.Message, StringComparison.Ordinal);
        Assert.Contains("must be 5 or 10", exception.Message, StringComparison.Ordinal);
        Assert.Single(_service.RequestsTo("POST", CreatePath));
    }

    [Fact]
    public async Task Status_402_maps_to_insufficient_balance()
    {
        _service.GivenCreate(FakeLemonDataService.ErrorBody("Insufficient balance", "insufficient_quota", "insufficient_balance"), 402);
        var client = _service.CreateClient();

        var exception = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(Request));

        Assert.Equal(402, exception.StatusCode);
        Assert.Equal("insufficient_quota", exception.ErrorType);
        Assert.Equal("insufficient_balance", exception.ErrorCode);
        Assert.Single(_service.RequestsTo("POST", CreatePath));
    }

    [Fact]
    public async Task Status_404_model_not_found_carries_did_you_mean()
    {
        _service.GivenCreate(
            """{"error":{"message":"Model 'sora2' does not exist","type":"invalid_request_error","code":"model_not_found","param":"model","did_you_mean":"sora-2","hint":"See GET /v1/models"}}""",
            404);
        var client = _service.CreateClient(options => options.ValidateRequests = false);

        var exception = await Assert.ThrowsAsync<LemonDataApiException>(
            () => client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "A fox", Model = "sora2" }));

        Assert.Equal(404, exception.StatusCode);
        Assert.Equal("model_not_found", exception.ErrorCode);
        Assert.Equal("invalid_request_error", exception.ErrorType);
        Assert.Equal("model", exception.Param);
        Assert.Equal("sora-2", exception.DidYouMean);
        Assert.Equal("See GET /v1/models", exception.Hint);
        Assert.Contains("sora-2", exception.Message, StringComparison.Ordinal);
        Assert.Single(_service.RequestsTo("POST", CreatePath));
    }

    [Fact]
    public async Task GetVideoTask_of_an_unknown_task_tries_both_paths_once_then_throws_async_task_not_found()
    {
        var notFound = FakeLemonDataService.ErrorBody("Task not found or no longer available.", "invalid_request_error", "async_task_not_found");
        _service.Given("GET", "/v1/tasks/ldtask_gone", 404, notFound);
        _service.Given("GET", "/v1/videos/generations/ldtask_gone", 404, notFound);
        var client = _service.CreateClient();

        var exception = await Assert.ThrowsAsync<LemonDataApiException>(() => client.GetVideoTaskAsync("ldtask_gone"));

        Assert.Equal(404, exception.StatusCode);
        Assert.Equal("async_task_not_found", exception.ErrorCode);
        Assert.Equal("invalid_request_error", exception.ErrorType);
        Assert.Equal("ldtask_gone", exception.TaskId);
        Assert.Contains("ldtask_gone", exception.Message, StringComparison.Ordinal);
        Assert.Single(_service.RequestsTo("GET", "/v1/tasks/ldtask_gone"));
        Assert.Single(_service.RequestsTo("GET", "/v1/videos/generations/ldtask_gone"));
    }

    [Fact]
    public async Task Cancel_answered_409_maps_to_task_not_cancellable()
    {
        _service.Given("DELETE", "/v1/tasks/ldtask_busy", 409, FakeLemonDataService.ErrorBody("Task is already running", "invalid_request_error", "task_not_cancellable"));
        var client = _service.CreateClient();

        var exception = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CancelVideoTaskAsync("ldtask_busy"));

        Assert.Equal(409, exception.StatusCode);
        Assert.Equal("task_not_cancellable", exception.ErrorCode);
        Assert.Equal("ldtask_busy", exception.TaskId);
        Assert.Single(_service.RequestsTo("DELETE", "/v1/tasks/ldtask_busy"));
    }

    [Fact]
    public async Task Status_502_with_an_html_body_keeps_the_status_and_an_excerpt_of_the_body()
    {
        _service.GivenCreate("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>", 502);
        var client = _service.CreateClient();

        var exception = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(Request));

        Assert.Equal(502, exception.StatusCode);
        Assert.Null(exception.ErrorType);
        Assert.Null(exception.ErrorCode);
        Assert.NotNull(exception.ResponseExcerpt);
        Assert.Contains("502 Bad Gateway", exception.ResponseExcerpt, StringComparison.Ordinal);
        Assert.Contains("502 Bad Gateway", exception.Message, StringComparison.Ordinal);
        Assert.Single(_service.RequestsTo("POST", CreatePath));
    }

    [Fact]
    public async Task Status_500_with_an_empty_body_maps_to_an_exception_without_details()
    {
        _service.GivenCreate(string.Empty, 500);
        var client = _service.CreateClient();

        var exception = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(Request));

        Assert.Equal(500, exception.StatusCode);
        Assert.Null(exception.ErrorType);
        Assert.Null(exception.ErrorCode);
        Assert.Null(exception.Param);
        Assert.Null(exception.ResponseExcerpt);
        Assert.Contains("500", exception.Message, StringComparison.Ordinal);
        Assert.Single(_service.RequestsTo("POST", CreatePath));
    }

    [Fact]
    public async Task Status_429_asking_for_a_long_wait_is_not_retried_and_carries_RetryAfter()
    {
        _service.GivenCreate(
            FakeLemonDataService.ErrorBody("Rate limit reached", "rate_limit_error", "rate_limit_exceeded"),
            429,
            new Dictionary<string, string> { ["Retry-After"] = "120", ["X-RateLimit-Limit"] = "60", ["X-RateLimit-Remaining"] = "0" });
        var client = _service.CreateClient(options => options.MaxRetryDelay = TimeSpan.FromSeconds(60));

        var exception = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(Request));

        Assert.Equal(429, exception.StatusCode);
        Assert.Equal("rate_limit_error", exception.ErrorType);
        Assert.Equal("rate_limit_exceeded", exception.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(120), exception.RetryAfter);
        Assert.False(exception.TaskMayExist);
        Assert.Single(_service.RequestsTo("POST", CreatePath));
    }

    [Fact]
    public async Task Retry_after_in_the_error_body_is_read_when_there_is_no_header()
    {
        _service.GivenCreate(
            """{"error":{"message":"Rate limit reached","type":"rate_limit_error","code":"rate_limit_exceeded","retryable":true,"retry_after":90}}""",
            429);
        var client = _service.CreateClient(options => options.MaxRetryDelay = TimeSpan.FromSeconds(60));

        var exception = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(Request));

        Assert.Equal(429, exception.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(90), exception.RetryAfter);
    }

    [Fact]
    public async Task Poll_answered_200_with_a_body_that_is_not_json_throws_with_the_status_and_an_excerpt()
    {
        _service.Given("GET", "/v1/tasks/ldtask_portal", 200, "<html><body>Please log in to the Wi-Fi</body></html>");
        var client = _service.CreateClient(options => options.MaxRetries = 1);

        var exception = await Assert.ThrowsAsync<LemonDataApiException>(() => client.GetVideoTaskAsync("ldtask_portal"));

        Assert.Equal(200, exception.StatusCode);
        Assert.Equal("ldtask_portal", exception.TaskId);
        Assert.NotNull(exception.ResponseExcerpt);
        Assert.Contains("Please log in to the Wi-Fi", exception.ResponseExcerpt, StringComparison.Ordinal);
        Assert.False(exception.TaskMayExist);
    }

    private static void AssertKeyAbsent(Exception exception)
    {
        Assert.DoesNotContain(FakeLemonDataService.ApiKey, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeLemonDataService.ApiKey, exception.ToString(), StringComparison.Ordinal);
    }
}
