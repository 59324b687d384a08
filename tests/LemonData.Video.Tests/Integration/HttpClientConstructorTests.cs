using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using LemonData.Video.Tests.Support;

namespace LemonData.Video.Tests.Integration;

[Collection(EnvironmentVariables.Collection)]
public sealed class HttpClientConstructorTests : IDisposable
{
    private const string EnvironmentKey = "sk-env-fedcba9876543210";
    private const string OptionsKey = "sk-options-abcdef0123456789";

    private readonly FakeLemonDataService _service = new();
    private readonly List<IDisposable> _environment = new();

    public HttpClientConstructorTests()
    {
        // Whatever the machine has set must not leak into these tests.
        SetEnvironment(LemonDataVideoClientOptions.ApiKeyEnvironmentVariable, null);
        SetEnvironment(LemonDataVideoClientOptions.EndpointEnvironmentVariable, null);
        _service.GivenSequence("/v1/tasks/ldtask_http", """{"id":"ldtask_http","status":"processing"}""");
    }

    public void Dispose()
    {
        // Restored in reverse, so a variable set twice ends as it was before the test.
        for (var i = _environment.Count - 1; i >= 0; i--)
        {
            _environment[i].Dispose();
        }

        _service.Dispose();
    }

    private void SetEnvironment(string name, string? value) => _environment.Add(EnvironmentVariables.Set(name, value));

    private string? AuthorizationOfLastTaskRead() =>
        FakeLemonDataService.HeaderOf(_service.RequestsTo("GET", "/v1/tasks/ldtask_http").Last(), "Authorization");

    [Fact]
    public async Task HttpClient_constructor_authenticates_with_options_ApiKey()
    {
        using var httpClient = new HttpClient();
        var client = new LemonDataVideoClient(httpClient, new LemonDataVideoClientOptions { Endpoint = _service.Endpoint, ApiKey = OptionsKey });

        var task = await client.GetVideoTaskAsync("ldtask_http");

        Assert.Equal("ldtask_http", task.Id);
        Assert.Equal("Bearer " + OptionsKey, AuthorizationOfLastTaskRead());
    }

    [Fact]
    public async Task HttpClient_constructor_leaves_the_callers_HttpClient_usable_and_unchanged()
    {
        _service.GivenCreate("""{"id":"ldtask_http","poll_url":"/v1/tasks/ldtask_http","status":"pending"}""");
        _service.GivenSequence("/v1/tasks/ldtask_http2", "{\"id\":\"ldtask_http2\",\"status\":\"completed\",\"video_url\":\"" + _service.Url("/cdn/http.mp4") + "\"}");
        _service.Given("GET", "/cdn/http.mp4", 200, "bytes");
        _service.Given("GET", "/caller/ping", 200, "pong");
        using var httpClient = new HttpClient { Timeout = TimeSpan.FromSeconds(42) };
        httpClient.DefaultRequestHeaders.Add("X-Caller", "mine");
        httpClient.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/plain"));
        var headersBefore = httpClient.DefaultRequestHeaders.ToString();
        var options = new LemonDataVideoClientOptions
        {
            Endpoint = _service.Endpoint,
            ApiKey = OptionsKey,
            PollInterval = TimeSpan.FromMilliseconds(5),
            RetryDelay = TimeSpan.FromMilliseconds(5),
        };

        var client = new LemonDataVideoClient(httpClient, options);
        await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "Borrowed client" });
        await client.GetVideoTaskAsync("ldtask_http");
        var done = await client.WaitForCompletionAsync("ldtask_http2");
        using (var video = new MemoryStream())
        {
            await client.DownloadVideoAsync(done, video);
        }

        Assert.Equal(headersBefore, httpClient.DefaultRequestHeaders.ToString());
        Assert.Null(httpClient.DefaultRequestHeaders.Authorization);
        Assert.Null(httpClient.BaseAddress);
        Assert.Equal(TimeSpan.FromSeconds(42), httpClient.Timeout);

        // Not disposed: the caller can keep using it.
        var pong = await httpClient.GetStringAsync(_service.Url("/caller/ping"));
        Assert.Equal("pong", pong);
        Assert.Equal("Bearer " + OptionsKey, AuthorizationOfLastTaskRead());
    }

    [Fact]
    public async Task HttpClient_constructor_uses_the_HttpClient_BaseAddress_when_no_endpoint_is_set_in_code()
    {
        using var httpClient = new HttpClient { BaseAddress = _service.Endpoint };
        var client = new LemonDataVideoClient(httpClient, new LemonDataVideoClientOptions { ApiKey = OptionsKey });

        await client.GetVideoTaskAsync("ldtask_http");

        Assert.Single(_service.RequestsTo("GET", "/v1/tasks/ldtask_http"));
    }

    [Fact]
    public async Task HttpClient_constructor_falls_back_to_LEMONDATA_API_KEY()
    {
        SetEnvironment(LemonDataVideoClientOptions.ApiKeyEnvironmentVariable, EnvironmentKey);
        using var httpClient = new HttpClient();
        var client = new LemonDataVideoClient(httpClient, new LemonDataVideoClientOptions { Endpoint = _service.Endpoint });

        await client.GetVideoTaskAsync("ldtask_http");

        Assert.Equal("Bearer " + EnvironmentKey, AuthorizationOfLastTaskRead());
    }

    [Fact]
    public async Task Options_ApiKey_wins_over_LEMONDATA_API_KEY()
    {
        SetEnvironment(LemonDataVideoClientOptions.ApiKeyEnvironmentVariable, EnvironmentKey);
        using var httpClient = new HttpClient();
        var client = new LemonDataVideoClient(httpClient, new LemonDataVideoClientOptions { Endpoint = _service.Endpoint, ApiKey = OptionsKey });

        await client.GetVideoTaskAsync("ldtask_http");

        Assert.Equal("Bearer " + OptionsKey, AuthorizationOfLastTaskRead());
    }

    [Fact]
    public async Task Key_constructor_with_an_empty_key_falls_back_to_LEMONDATA_API_KEY()
    {
        SetEnvironment(LemonDataVideoClientOptions.ApiKeyEnvironmentVariable, EnvironmentKey);
        var client = new LemonDataVideoClient(string.Empty, new LemonDataVideoClientOptions { Endpoint = _service.Endpoint });

        await client.GetVideoTaskAsync("ldtask_http");

        Assert.Equal("Bearer " + EnvironmentKey, AuthorizationOfLastTaskRead());
    }

    [Fact]
    public async Task Default_options_take_the_endpoint_from_LEMONDATA_BASE_URL()
    {
        SetEnvironment(LemonDataVideoClientOptions.EndpointEnvironmentVariable, _service.Endpoint.AbsoluteUri);
        var client = new LemonDataVideoClient(FakeLemonDataService.ApiKey);

        await client.GetVideoTaskAsync("ldtask_http");

        Assert.Equal("Bearer " + FakeLemonDataService.ApiKey, AuthorizationOfLastTaskRead());
        Assert.StartsWith(_service.Endpoint.AbsoluteUri.TrimEnd('/'), client.Endpoint.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public void No_key_anywhere_is_refused_at_construction_naming_LEMONDATA_API_KEY()
    {
        using var httpClient = new HttpClient();

        var fromHttpClient = Assert.ThrowsAny<ArgumentException>(
            () => new LemonDataVideoClient(httpClient, new LemonDataVideoClientOptions { Endpoint = _service.Endpoint }));
        var fromKey = Assert.ThrowsAny<ArgumentException>(
            () => new LemonDataVideoClient(string.Empty, new LemonDataVideoClientOptions { Endpoint = _service.Endpoint }));

        Assert.Contains("LEMONDATA_API_KEY", fromHttpClient.Message, StringComparison.Ordinal);
        Assert.Contains("LEMONDATA_API_KEY", fromKey.Message, StringComparison.Ordinal);
        Assert.Empty(_service.AllRequests);
    }

    [Fact]
    public async Task Callers_HttpClient_with_its_own_Authorization_default_is_used_for_the_api_but_not_for_downloads()
    {
        _service.GivenSequence("/v1/tasks/ldtask_own_auth", "{\"id\":\"ldtask_own_auth\",\"status\":\"completed\",\"video_url\":\"" + _service.Url("/cdn/own.mp4") + "\"}");
        _service.Given("GET", "/cdn/own.mp4", 200, "bytes");
        using var httpClient = new HttpClient();
        httpClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OptionsKey);
        var client = new LemonDataVideoClient(httpClient, new LemonDataVideoClientOptions { Endpoint = _service.Endpoint });

        var task = await client.WaitForCompletionAsync("ldtask_own_auth");
        using var video = new MemoryStream();
        await client.DownloadVideoAsync(task, video);

        Assert.Equal("Bearer " + OptionsKey, FakeLemonDataService.HeaderOf(_service.RequestsTo("GET", "/v1/tasks/ldtask_own_auth").Single(), "Authorization"));
        Assert.Null(FakeLemonDataService.HeaderOf(_service.RequestsTo("GET", "/cdn/own.mp4").Single(), "Authorization"));
        Assert.Equal(5, video.Length);
    }

    [Fact]
    public async Task Create_timed_out_by_the_callers_HttpClient_Timeout_says_a_task_may_exist_and_is_not_resent()
    {
        // IHttpClientFactory clients often carry a Timeout shorter than AttemptTimeout: when it fires, the
        // create's answer is lost exactly as with AttemptTimeout, and the caller must not take it for a cancellation.
        using var hanging = new SilentServer();
        var handler = new CountingHandler();
        using var httpClient = new HttpClient(handler) { Timeout = TimeSpan.FromMilliseconds(200) };
        var client = new LemonDataVideoClient(httpClient, new LemonDataVideoClientOptions
        {
            Endpoint = hanging.Endpoint,
            ApiKey = OptionsKey,
            RetryDelay = TimeSpan.FromMilliseconds(5),
        });

        var exception = await Record.ExceptionAsync(() => client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "Lost answer" }));

        var apiException = Assert.IsType<LemonDataApiException>(exception);
        Assert.Equal(0, apiException.StatusCode);
        Assert.True(apiException.TaskMayExist);
        Assert.Equal(1, handler.Attempts);
    }

    [Fact]
    public async Task Poll_timed_out_by_the_callers_HttpClient_Timeout_is_retried_like_any_lost_answer()
    {
        using var hanging = new SilentServer();
        var handler = new CountingHandler();
        using var httpClient = new HttpClient(handler) { Timeout = TimeSpan.FromMilliseconds(100) };
        var client = new LemonDataVideoClient(httpClient, new LemonDataVideoClientOptions
        {
            Endpoint = hanging.Endpoint,
            ApiKey = OptionsKey,
            RetryDelay = TimeSpan.FromMilliseconds(5),
            MaxRetries = 2,
        });

        var exception = await Record.ExceptionAsync(() => client.GetVideoTaskAsync("ldtask_slow_proxy"));

        var apiException = Assert.IsType<LemonDataApiException>(exception);
        Assert.Equal(0, apiException.StatusCode);
        Assert.Equal("ldtask_slow_proxy", apiException.TaskId);
        Assert.Equal(3, handler.Attempts);
    }
}
