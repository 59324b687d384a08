using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using LemonData.Video.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace LemonData.Video.Tests.Security;

/// <summary>
/// A read (a poll, a wait, a model read) redirected to another origin is not followed: it fails at once, never retried,
/// with the task id and where it was sent (without the address's query or user info). A caller's HttpClient that follows
/// redirects itself is caught after the fact: an answer from another origin is never read as the task. A redirect within
/// the endpoint's origin is followed by a read, with the key; a create is never sent twice, whatever the redirect.
/// </summary>
public sealed class RedirectTests : IDisposable
{
    private const string Bearer = "Bearer " + FakeLemonDataService.ApiKey;

    private readonly FakeLemonDataService _api = new();
    private readonly FakeLemonDataService _other = new();

    public RedirectTests()
    {
        // Whatever reaches the other origin gets a completed task, so reading it would "work".
        _other.Server.Given(Request.Create().WithPath("/*").UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("{\"id\":\"video_x\",\"status\":\"completed\",\"video_url\":\"https://cdn.example/stolen.mp4\"}"));
    }

    public void Dispose()
    {
        _api.Dispose();
        _other.Dispose();
    }

    private static Dictionary<string, string> Location(string url) => new() { ["Location"] = url };

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_poll_redirected_to_another_origin_fails_with_the_task_id_and_where_it_was_sent(int status)
    {
        _api.Given("GET", "/v1/tasks/video_x", status, string.Empty, Location(_other.Url("/v1/tasks/video_x")));
        var client = _api.CreateClient(options => options.MaxRetries = 3);

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.GetVideoTaskAsync("video_x"));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal("video_x", error.TaskId);
        Assert.Equal("video_x", error.GetVideoTaskId());
        Assert.False(error.TaskMayExist);
        Assert.Contains("redirected the request (" + status + ") to " + _other.Url("/v1/tasks/video_x"), error.Message, StringComparison.Ordinal);
        Assert.Contains("another origin", error.Message, StringComparison.Ordinal);
        Assert.Contains("getting task 'video_x'", error.Message, StringComparison.Ordinal);
        Assert.Empty(_other.AllRequests);
        Assert.Single(_api.RequestsTo("GET", "/v1/tasks/video_x")); // never retried: it would go the same way
    }

    [Fact]
    public async Task A_wait_redirected_to_another_origin_fails_the_same_way()
    {
        _api.Given("GET", "/v1/tasks/video_x", 302, string.Empty, Location(_other.Url("/v1/tasks/video_x")));
        var client = _api.CreateClient();

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.WaitForCompletionAsync("video_x"));

        Assert.Equal("video_x", error.TaskId);
        Assert.Contains(_other.Url("/v1/tasks/video_x"), error.Message, StringComparison.Ordinal);
        Assert.Empty(_other.AllRequests);
    }

    [Fact]
    public async Task Model_reads_redirected_to_another_origin_fail_and_name_the_place()
    {
        _api.Given("GET", "/v1/models/sora-2", 302, string.Empty, Location(_other.Url("/v1/models/sora-2")));
        _api.Given("GET", "/v1/models", 307, string.Empty, Location(_other.Url("/v1/models")));
        var client = _api.CreateClient();

        var one = await Assert.ThrowsAsync<LemonDataApiException>(() => client.GetVideoModelAsync("sora-2"));
        var all = await Assert.ThrowsAsync<LemonDataApiException>(() => client.ListVideoModelsAsync());

        Assert.Contains(_other.Url("/v1/models/sora-2"), one.Message, StringComparison.Ordinal);
        Assert.Contains("getting model 'sora-2'", one.Message, StringComparison.Ordinal);
        Assert.Contains(_other.Url("/v1/models"), all.Message, StringComparison.Ordinal);
        Assert.Empty(_other.AllRequests);
    }

    [Fact]
    public async Task The_place_is_named_without_its_query_or_user_info()
    {
        var address = "http://127.0.0.1:" + _other.Server.Ports[0] + "/v1/tasks/video_x";
        var location = "http://user:" + FakeLemonDataService.ApiKey + "@127.0.0.1:" + _other.Server.Ports[0] + "/v1/tasks/video_x?token=secret-token&key=" + FakeLemonDataService.ApiKey;
        _api.Given("GET", "/v1/tasks/video_x", 302, string.Empty, Location(location));
        var client = _api.CreateClient();

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.GetVideoTaskAsync("video_x"));

        Assert.Contains(address + "?... (query left out)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("user:", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(FakeLemonDataService.ApiKey, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_to_another_scheme_of_the_same_host_is_another_origin()
    {
        var https = "https://" + _api.Endpoint.Authority + "/v1/tasks/video_x";
        _api.Given("GET", "/v1/tasks/video_x", 301, string.Empty, Location(https));
        var client = _api.CreateClient();

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.GetVideoTaskAsync("video_x"));

        Assert.Contains(https, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_callers_client_that_follows_redirects_is_caught_and_the_other_origin_s_answer_is_not_read()
    {
        _api.Given("GET", "/v1/tasks/video_x", 302, string.Empty, Location(_other.Url("/v1/tasks/video_x")));
        using var httpClient = new HttpClient(new CountingHandler()); // AllowAutoRedirect: true, as by default
        var client = _api.CreateClientOn(httpClient, options => options.MaxRetries = 3);

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.GetVideoTaskAsync("video_x"));

        Assert.Equal("video_x", error.TaskId);
        Assert.Equal(200, error.StatusCode); // what the other origin answered; its completed task was not believed
        Assert.Contains("the HttpClient's handler followed a redirect to " + _other.Url("/v1/tasks/video_x"), error.Message, StringComparison.Ordinal);
        Assert.Single(_api.RequestsTo("GET", "/v1/tasks/video_x"));
        var followed = Assert.Single(_other.AllRequests);
        Assert.Null(FakeLemonDataService.HeaderOf(followed, "Authorization"));
    }

    [Fact]
    public async Task A_callers_client_that_follows_a_wait_s_redirect_fails_the_wait()
    {
        _api.Given("GET", "/v1/tasks/video_x", 307, string.Empty, Location(_other.Url("/v1/tasks/video_x")));
        using var httpClient = new HttpClient(new CountingHandler());
        var client = _api.CreateClientOn(httpClient);

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.WaitForCompletionAsync("video_x"));

        Assert.Equal("video_x", error.TaskId);
        Assert.Contains(_other.Url("/v1/tasks/video_x"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_redirected_within_the_endpoint_s_origin_is_followed_with_the_key()
    {
        _api.Given("GET", "/v1/tasks/video_x", 301, string.Empty, Location("/moved/video_x"));
        _api.Given("GET", "/moved/video_x", 302, string.Empty, Location(_api.Url("/moved/again/video_x")));
        _api.Given("GET", "/moved/again/video_x", 200, "{\"id\":\"video_x\",\"status\":\"processing\"}");
        var client = _api.CreateClient();

        var task = await client.GetVideoTaskAsync("video_x");

        Assert.Equal(VideoTaskStatus.Processing, task.Status);
        Assert.Equal(Bearer, FakeLemonDataService.HeaderOf(Assert.Single(_api.RequestsTo("GET", "/moved/video_x")), "Authorization"));
        Assert.Equal(Bearer, FakeLemonDataService.HeaderOf(Assert.Single(_api.RequestsTo("GET", "/moved/again/video_x")), "Authorization"));
        Assert.Empty(_other.AllRequests);
    }

    [Fact]
    public async Task Redirects_within_the_origin_are_followed_a_few_times_only()
    {
        _api.Given("GET", "/v1/tasks/video_x", 302, string.Empty, Location("/loop/video_x"));
        _api.Given("GET", "/loop/video_x", 302, string.Empty, Location("/loop/video_x"));
        var client = _api.CreateClient(options => options.MaxRetries = 0);

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.GetVideoTaskAsync("video_x"));

        Assert.Equal(302, error.StatusCode);
        Assert.Equal("video_x", error.TaskId);
        Assert.Contains("after 5 redirects already", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, _api.RequestsTo("GET", "/loop/video_x").Count);
    }

    [Theory]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    public async Task A_create_is_never_sent_again_by_a_redirect_and_its_outcome_is_unknown(int status)
    {
        _api.GivenCreate("{\"id\":\"video_r\",\"status\":\"pending\"}", status, Location("/v1/videos/generations/elsewhere"));
        var client = _api.CreateClient(options => options.MaxRetries = 3);

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "A fox" }));

        Assert.True(error.TaskMayExist);
        Assert.Equal("video_r", error.TaskId); // the redirect's body named the task it made
        Assert.Contains("a create is never sent twice", error.Message, StringComparison.Ordinal);
        Assert.Contains("The task 'video_r' may exist and be charged", error.Message, StringComparison.Ordinal);
        Assert.Single(_api.AllRequests);
    }

    [Fact]
    public async Task A_create_redirected_by_a_callers_client_within_the_origin_is_an_unknown_outcome_not_the_second_answer()
    {
        // The caller's handler re-sends the POST (307), without the key: the 401 it gets is not the create's answer.
        _api.GivenCreate(string.Empty, 307, Location("/v1/videos/generations/again"));
        _api.Given("POST", "/v1/videos/generations/again", 401, FakeLemonDataService.ErrorBody("Missing key", "authentication_error", "invalid_api_key"));
        using var httpClient = new HttpClient(new CountingHandler());
        var client = _api.CreateClientOn(httpClient, options => options.MaxRetries = 3);

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "A fox" }));

        Assert.True(error.TaskMayExist);
        Assert.Contains("the HttpClient's handler followed a redirect of the create to " + _api.Url("/v1/videos/generations/again"), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Nothing was created", error.Message, StringComparison.Ordinal);
        Assert.Single(_api.RequestsTo("POST", "/v1/videos/generations"));
    }

    [Fact]
    public async Task A_cancel_redirected_within_the_origin_is_not_followed()
    {
        _api.Given("DELETE", "/v1/tasks/video_x", 307, string.Empty, Location("/v1/tasks/video_x/cancel"));
        var client = _api.CreateClient();

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CancelVideoTaskAsync("video_x"));

        Assert.Equal("video_x", error.TaskId);
        Assert.Contains("only a read follows a redirect", error.Message, StringComparison.Ordinal);
        Assert.Single(_api.AllRequests);
    }
}
