using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using LemonData.Video.Tests.Support;

namespace LemonData.Video.Tests.Integration;

/// <summary>
/// Everything an error answer says reaches the caller: the request id support asks for, the hint, the suggestion, the
/// field errors of a 400, the balance and cost of a 402, what a 503 says the model takes, and the rate-limit headers.
/// Absent parts are null (lists of field errors: empty), and a part the SDK cannot read costs only itself.
/// </summary>
public sealed class ErrorBodyTests : IDisposable
{
    private readonly FakeLemonDataService _service = new();

    public void Dispose() => _service.Dispose();

    private static VideoGenerationRequest Request => new() { Prompt = "A paper boat on a river" };

    private async Task<LemonDataApiException> CreateFailsWith(int status, string body, IDictionary<string, string>? headers = null)
    {
        _service.GivenCreate(body, status, headers);
        var client = _service.CreateClient(options => options.MaxRetries = 0);
        return await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(Request));
    }

    [Fact]
    public async Task A_bare_error_leaves_every_new_member_null_and_the_field_errors_empty()
    {
        var error = await CreateFailsWith(400, FakeLemonDataService.ErrorBody("Bad", "invalid_request_error", "invalid_parameter"));

        Assert.Null(error.RequestId);
        Assert.Null(error.Hint);
        Assert.Null(error.DidYouMean);
        Assert.NotNull(error.ValidationErrors);
        Assert.Empty(error.ValidationErrors);
        Assert.Null(error.BalanceUsd);
        Assert.Null(error.EstimatedCostUsd);
        Assert.Null(error.SupportedParameters);
        Assert.Null(error.AllowedResolutions);
        Assert.Null(error.RecommendedRequest);
        Assert.Null(error.RateLimit);
    }

    [Fact]
    public async Task An_html_page_leaves_the_field_errors_empty_too()
    {
        var error = await CreateFailsWith(502, "<html><body>Bad gateway</body></html>");

        Assert.Empty(error.ValidationErrors);
        Assert.Null(error.RequestId);
    }

    [Fact]
    public async Task A_400_carries_hint_did_you_mean_and_field_errors_and_says_them_in_the_message()
    {
        var error = await CreateFailsWith(400, """
            {"error":{"message":"Invalid request","type":"invalid_request_error","code":"invalid_parameter","param":"resolution",
              "hint":"Use one of the model's resolutions","did_you_mean":"veo3.1"},
             "validation_errors":[{"field":"resolution","message":"must be 720p or 1080p"},{"field":"duration","message":"must be 8"}]}
            """);

        Assert.Equal("Use one of the model's resolutions", error.Hint);
        Assert.Equal("veo3.1", error.DidYouMean);
        Assert.Equal(new[] { "resolution", "duration" }, error.ValidationErrors.Select(field => field.Field));
        Assert.Equal(new[] { "must be 720p or 1080p", "must be 8" }, error.ValidationErrors.Select(field => field.Message));
        Assert.Equal("resolution: must be 720p or 1080p", error.ValidationErrors[0].ToString());
        Assert.Contains("resolution: must be 720p or 1080p.", error.Message, StringComparison.Ordinal);
        Assert.Contains("duration: must be 8.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'veo3.1'?", error.Message, StringComparison.Ordinal);
        Assert.Contains("Hint: Use one of the model's resolutions.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Hint: Use one of the model's resolutions.", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_field_error_without_a_field_is_skipped_and_one_without_a_message_is_kept()
    {
        var error = await CreateFailsWith(400, """{"error":{"message":"Invalid"},"validation_errors":[{"message":"orphan"},{"field":"fps"},null]}""");

        var field = Assert.Single(error.ValidationErrors);
        Assert.Equal("fps", field.Field);
        Assert.Equal("invalid", field.Message);
    }

    [Fact]
    public async Task The_request_id_comes_from_the_header_before_the_body()
    {
        var error = await CreateFailsWith(
            400,
            """{"error":{"message":"Bad","request_id":"req_body"},"request_id":"req_top"}""",
            new Dictionary<string, string> { ["X-Request-Id"] = "req_header" });

        Assert.Equal("req_header", error.RequestId);
        Assert.Contains("Request id (for support): req_header.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("req_body", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"error":{"message":"Bad","request_id":"req_body"}}""", "req_body")]
    [InlineData("""{"error":{"message":"Bad"},"request_id":"req_top"}""", "req_top")]
    [InlineData("""{"error":{"message":"Bad","request_id":"req_body"},"request_id":"req_top"}""", "req_body")]
    [InlineData("""{"error":{"message":"Bad","request_id":"  "}}""", null)]
    public async Task Without_the_header_the_request_id_comes_from_the_body(string body, string? expected)
    {
        var error = await CreateFailsWith(404, body);

        Assert.Equal(expected, error.RequestId);
    }

    [Fact]
    public async Task A_read_s_error_carries_the_request_id_too()
    {
        _service.Given("GET", "/v1/tasks/ldtask_x", 403, FakeLemonDataService.ErrorBody("Not yours", "permission_error", "forbidden"), new Dictionary<string, string> { ["X-Request-Id"] = "req_read" });
        var client = _service.CreateClient();

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.GetVideoTaskAsync("ldtask_x"));

        Assert.Equal("req_read", error.RequestId);
        Assert.Equal("ldtask_x", error.TaskId);
    }

    [Fact]
    public async Task A_402_carries_the_balance_and_the_estimated_cost()
    {
        var error = await CreateFailsWith(402, """
            {"error":{"message":"Insufficient balance: need ~$0.3500 for veo3.1, but balance is $0.1200.","type":"insufficient_balance",
              "code":"insufficient_balance","balance_usd":0.12,"estimated_cost_usd":0.35,"hint":"Try a cheaper model, or top up."}}
            """);

        Assert.Equal(0.12m, error.BalanceUsd);
        Assert.Equal(0.35m, error.EstimatedCostUsd);
        Assert.False(error.TaskMayExist);
        Assert.Contains("Balance $0.12, estimated cost $0.35.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was created or charged. Top up the account", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"0.12\"", 0.12)]
    [InlineData("\"$0.12\"", 0.12)]
    [InlineData("\"twelve cents\"", null)]
    [InlineData("{\"usd\":0.12}", null)]
    [InlineData("null", null)]
    public async Task An_amount_that_is_not_a_number_is_read_when_it_can_be_and_never_costs_the_rest(string balance, double? expected)
    {
        var error = await CreateFailsWith(402, "{\"error\":{\"message\":\"Insufficient balance\",\"code\":\"insufficient_balance\",\"balance_usd\":" + balance + ",\"estimated_cost_usd\":1.5}}");

        Assert.Equal(expected is null ? null : (decimal)expected.Value, error.BalanceUsd);
        Assert.Equal(1.5m, error.EstimatedCostUsd);
        Assert.Equal("insufficient_balance", error.ErrorCode);
    }

    [Fact]
    public async Task A_503_model_unavailable_carries_what_the_model_takes_and_the_request_it_would_accept()
    {
        var error = await CreateFailsWith(503, """
            {"error":{"message":"Model veo3.1-4k is unavailable with these parameters","type":"service_unavailable","code":"model_unavailable",
              "supported_parameters":["prompt","image_url","duration","resolution"],"allowed_resolutions":["720p","1080p"],
              "recommended_request":{"model":"veo3.1","prompt":"A paper boat on a river","resolution":"1080p","duration":8}}}
            """);

        Assert.Equal(new[] { "prompt", "image_url", "duration", "resolution" }, error.SupportedParameters);
        Assert.Equal(new[] { "720p", "1080p" }, error.AllowedResolutions);
        var recommended = Assert.NotNull(error.RecommendedRequest);
        Assert.Equal(JsonValueKind.Object, recommended.ValueKind);
        Assert.Equal("veo3.1", recommended.GetProperty("model").GetString());
        Assert.Equal(8, recommended.GetProperty("duration").GetInt32());
        Assert.Contains("The model's resolutions: 720p, 1080p.", error.Message, StringComparison.Ordinal);
        Assert.Contains("The model's parameters: prompt, image_url, duration, resolution.", error.Message, StringComparison.Ordinal);
        Assert.Contains("RecommendedRequest", error.Message, StringComparison.Ordinal);
        Assert.True(error.TaskMayExist);
    }

    [Fact]
    public async Task The_recommended_request_outlives_the_answer_s_buffer()
    {
        var error = await CreateFailsWith(503, """{"error":{"code":"model_unavailable","recommended_request":{"model":"veo3.1","prompt":"kept"}}}""");

        // The answer's bytes went back to a pool long ago; fill the pool with other answers, then read the element.
        _service.Given("GET", "/v1/tasks/ldtask_fill", 200, """{"id":"ldtask_fill","status":"processing","model":"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"}""");
        var client = _service.CreateClient();
        for (var i = 0; i < 20; i++)
        {
            await client.GetVideoTaskAsync("ldtask_fill");
        }

        Assert.Equal("kept", error.RecommendedRequest!.Value.GetProperty("prompt").GetString());
    }

    [Theory]
    [InlineData("\"supported_parameters\":[\"prompt\",42]")]
    [InlineData("\"supported_parameters\":\"prompt,duration\"")]
    [InlineData("\"supported_parameters\":[]")]
    [InlineData("\"supported_parameters\":null")]
    public async Task A_list_the_SDK_cannot_read_is_unknown_and_costs_nothing_else(string member)
    {
        var error = await CreateFailsWith(503, "{\"error\":{\"message\":\"Unavailable\",\"code\":\"model_unavailable\"," + member + ",\"allowed_resolutions\":[\"720p\"]}}");

        Assert.Null(error.SupportedParameters);
        Assert.Equal(new[] { "720p" }, error.AllowedResolutions);
        Assert.Equal("model_unavailable", error.ErrorCode);
    }

    [Fact]
    public async Task Rate_limit_headers_are_read()
    {
        var reset = DateTimeOffset.UtcNow.AddMinutes(1);
        var error = await CreateFailsWith(
            429,
            FakeLemonDataService.ErrorBody("Slow down", "rate_limit_error", "rate_limit_exceeded"),
            new Dictionary<string, string>
            {
                ["Retry-After"] = "120",
                ["X-RateLimit-Limit"] = "60",
                ["X-RateLimit-Remaining"] = "0",
                ["X-RateLimit-Reset"] = reset.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            });

        Assert.NotNull(error.RateLimit);
        var rateLimit = error.RateLimit!;
        Assert.Equal(60, rateLimit.Limit);
        Assert.Equal(0, rateLimit.Remaining);
        Assert.Equal(reset.ToUnixTimeSeconds(), rateLimit.Reset!.Value.ToUnixTimeSeconds());
        Assert.Contains("60 per window", rateLimit.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rate_limit_header_alone_is_enough_and_an_unreadable_one_is_null()
    {
        var error = await CreateFailsWith(
            429,
            FakeLemonDataService.ErrorBody("Slow down", "rate_limit_error", "rate_limit_exceeded"),
            new Dictionary<string, string> { ["X-RateLimit-Remaining"] = "many", ["X-RateLimit-Limit"] = "100" });

        Assert.NotNull(error.RateLimit);
        var rateLimit = error.RateLimit!;
        Assert.Equal(100, rateLimit.Limit);
        Assert.Null(rateLimit.Remaining);
        Assert.Null(rateLimit.Reset);
    }

    [Fact]
    public void A_reset_is_read_as_unix_seconds_unix_milliseconds_seconds_left_or_a_date()
    {
        var now = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1772366400), ErrorHeaderReader.Reset("1772366400", now));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1772366400500), ErrorHeaderReader.Reset("1772366400500", now));
        Assert.Equal(now.AddSeconds(30), ErrorHeaderReader.Reset("30", now));
        Assert.Equal(now.AddSeconds(1.5), ErrorHeaderReader.Reset("1.5", now));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 12, 1, 0, TimeSpan.Zero), ErrorHeaderReader.Reset("Sun, 01 Mar 2026 12:01:00 GMT", now));
        Assert.Null(ErrorHeaderReader.Reset("-5", now));
        Assert.Null(ErrorHeaderReader.Reset("soon", now));
        Assert.Null(ErrorHeaderReader.Reset(" ", now));
        Assert.Null(ErrorHeaderReader.Reset("1e300", now));
    }

    [Fact]
    public async Task The_members_are_on_a_model_read_s_error_too()
    {
        _service.Given(
            "GET",
            "/v1/models/sora-3",
            404,
            """{"error":{"message":"Model 'sora-3' not found.","code":"model_not_found","did_you_mean":"sora-2","hint":"List the models with GET /v1/models"}}""",
            new Dictionary<string, string> { ["X-Request-Id"] = "req_model" });
        var client = _service.CreateClient();

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.GetVideoModelAsync("sora-3"));

        Assert.Equal("sora-2", error.DidYouMean);
        Assert.Equal("List the models with GET /v1/models", error.Hint);
        Assert.Equal("req_model", error.RequestId);
    }
}
